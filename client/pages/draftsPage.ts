/**
 * The drafts page: every draft the signed-in person is a member of, with its symbol, their part in
 * it and its progress, in words and as a bar (paragraphs agreed of the total), with its open
 * brackets and objected paragraphs. Signed out, it says how to sign in, and shows no draft.
 */
import type { Progress } from "../../schemas/records";
import { DRAFTS_ROUTE } from "../../shared/appPaths";
import { assertNever } from "../../shared/assertNever";
import type { ListedDraft } from "../../shared/draftListing";
import { Role } from "../../shared/roles";
import { isStateCode, stateByCode } from "../../shared/states";
import { errorMessageOf, UNREACHABLE_MESSAGE } from "../connection/errorMessages";
import { recallDraftInfo, rememberedDraftIds } from "../offline/draftInfoCache";
import { mountExportMenu } from "./exportMenu";
import { observerPolicySwitch } from "./observerPolicy";
import { copiesKeptAtSignOut, hasSignedOut, showSignedIn } from "./signOut";

/** How the page says a person's part in a draft: "Chair", "Delegation of Cuba", "Observer". */
export function roleLabel(role: Role, state: string | null): string {
  switch (role) {
    case Role.chair:
      return "Chair";
    case Role.delegation:
      return `Delegation of ${state && isStateCode(state) ? stateByCode(state).name : (state ?? "a state")}`;
    case Role.observer:
      return "Observer";
    default:
      return assertNever(role);
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A draft's progress in words: "37/52 paragraphs agreed", "14 open brackets", "Objections to 3 paragraphs". */
export function progressWords(progress: Progress): { agreed: string; brackets: string; objections: string } {
  return {
    agreed: `${progress.agreed}/${progress.total} ${progress.total === 1 ? "paragraph" : "paragraphs"} agreed`,
    brackets: progress.openProposals === 0 ? "No open brackets" : count(progress.openProposals, "open bracket", "open brackets"),
    objections: progress.objected === 0 ? "No objections" : `Objections to ${count(progress.objected, "paragraph", "paragraphs")}`,
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  element.append(...children);
  return element;
}

function progressPart(progress: Progress | null): HTMLElement {
  if (!progress) return el("p", "draft-progress", "Progress not counted yet.");
  const words = progressWords(progress);
  const bar = el("progress", "draft-progress-bar");
  // A bar needs a maximum above zero; a draft without paragraphs shows an empty one.
  bar.max = Math.max(progress.total, 1);
  bar.value = progress.agreed;
  bar.setAttribute("aria-label", words.agreed);
  const figures = el("p", "draft-progress", bar, " ", el("span", "draft-agreed", words.agreed));
  const open = el("p", "draft-open", el("span", "draft-brackets", words.brackets), " · ", el("span", "draft-objections", words.objections));
  const part = el("div", "draft-figures", figures, open);
  part.dataset["complete"] = String(progress.total > 0 && progress.agreed === progress.total);
  return part;
}

function draftEntry(draft: ListedDraft): HTMLLIElement {
  const link = el("a", "", draft.title);
  link.href = `/d/${encodeURIComponent(draft.id)}`;
  const about = el("p", "draft-about");
  if (draft.symbol) about.append(el("span", "draft-symbol", draft.symbol), " · ");
  about.append(el("span", "draft-role", `Your role: ${roleLabel(draft.role, draft.state)}`));
  const item = el("li", "draft-entry", el("h2", "draft-entry-title", link), about, progressPart(draft.progress));
  if (draft.role === Role.chair) item.append(observerPolicySwitch(draft));
  mountExportMenu(item, { draftId: draft.id, role: draft.role, observersReadFloor: draft.observersReadFloor });
  item.dataset["draftId"] = draft.id;
  return item;
}

/** Offline: the drafts this device keeps, each a link that opens it from the device. */
function draftsOnThisDevice(): HTMLElement[] {
  const kept = rememberedDraftIds().flatMap((id) => {
    const title = recallDraftInfo<{ draft: { title?: unknown } }>(id)?.draft.title;
    return typeof title === "string" ? [{ id, title }] : [];
  });
  if (kept.length === 0) return [];
  const list = el(
    "ul",
    "drafts",
    ...kept.map(({ id, title }) => {
      const link = el("a", "", title);
      link.href = `/d/${encodeURIComponent(id)}`;
      return el("li", "draft-entry", link);
    }),
  );
  return [el("h2", "", "On this device"), list];
}

/** What the page says instead of the list when it cannot show one. */
function message(main: HTMLElement, heading: string, text: string): void {
  const paragraph = el("p", "drafts-message", text);
  paragraph.setAttribute("role", "status");
  main.replaceChildren(el("h1", "", heading), paragraph);
}

/** Fetches the drafts and lists them in `main`. */
export async function openDraftsPage(main: HTMLElement): Promise<void> {
  document.getElementById("connection")!.textContent = "";
  main.replaceChildren(el("h1", "", "Drafts"), el("p", "drafts-message", "Loading your drafts…"));
  let response: Response;
  try {
    response = await fetch(DRAFTS_ROUTE);
  } catch {
    message(main, "Drafts", UNREACHABLE_MESSAGE);
    main.append(...draftsOnThisDevice());
    return;
  }
  if (response.status === 401) {
    showSignedIn(false);
    const kept = copiesKeptAtSignOut();
    const keptWords = kept === 0 ? "" : ` ${kept} cop${kept === 1 ? "y" : "ies"} of a draft with work not yet saved stayed on this device; sign in again to save ${kept === 1 ? "it" : "them"}.`;
    const opening = hasSignedOut() ? `You have signed out.${keptWords}` : "You are not signed in.";
    message(main, "Signed out", `${opening} Open your invitation link to sign in.`);
    return;
  }
  if (!response.ok) {
    message(main, "Drafts", await errorMessageOf(response));
    return;
  }
  showSignedIn(true);
  const { drafts } = (await response.json()) as { drafts: ListedDraft[] };
  const list = el("ul", "drafts", ...drafts.map(draftEntry));
  main.replaceChildren(el("h1", "", "Drafts"), drafts.length === 0 ? el("p", "drafts-message", "You are not a member of any draft yet.") : list);
}
