/** The list of drafts, each a link to its editor. */

interface DraftSummary {
  id: string;
  title: string;
  createdAt: string;
}

/** Fetches the drafts and lists them in `main`. */
export async function openDraftsPage(main: HTMLElement): Promise<void> {
  document.getElementById("connection")!.textContent = "";
  const heading = document.createElement("h1");
  heading.textContent = "Drafts";
  const list = document.createElement("ul");
  list.className = "drafts";
  main.replaceChildren(heading, list);
  const response = await fetch("/api/drafts");
  if (!response.ok) {
    list.textContent = `The drafts could not be loaded (HTTP ${response.status}).`;
    return;
  }
  const { drafts } = (await response.json()) as { drafts: DraftSummary[] };
  if (drafts.length === 0) list.textContent = "No drafts yet.";
  for (const draft of drafts) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `/d/${encodeURIComponent(draft.id)}`;
    link.textContent = draft.title;
    item.append(link);
    list.append(item);
  }
}
