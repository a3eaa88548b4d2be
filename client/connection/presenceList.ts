/** Who is present, by state: the server stamps every presence with the identity it knows. */
import type { Awareness } from "y-protocols/awareness";

interface StampedUser {
  name?: string;
  role?: string;
  state?: string | null;
}

/** Keeps `element` listing the states (and the chair) present in the draft. */
export function bindPresenceList(element: HTMLElement, awareness: Awareness): void {
  const render = () => {
    const present = new Set<string>();
    let observers = 0;
    for (const [clientId, state] of awareness.getStates()) {
      const user = (state as { user?: StampedUser; observers?: number }).user;
      if (clientId !== awareness.clientID && typeof (state as { observers?: number }).observers === "number") {
        observers = (state as { observers: number }).observers;
      }
      // The top bar names the person already; the list is of the others, as the server stamped them.
      if (!user || clientId === awareness.clientID) continue;
      present.add(user.state ?? (user.role === "chair" ? "Chair" : (user.name ?? "")));
    }
    const labels = Array.from(present).filter(Boolean).sort();
    element.replaceChildren(
      ...labels.map((label) => {
        const chip = document.createElement("span");
        chip.className = "presence-chip";
        chip.textContent = label;
        return chip;
      }),
    );
    if (observers > 0) element.append(` + ${observers} observer${observers === 1 ? "" : "s"}`);
    // A plain span may not carry a label (ARIA): the list of who is present is a group.
    element.setAttribute("role", "group");
    element.setAttribute("aria-label", `Present: ${labels.join(", ") || "nobody else"}`);
  };
  awareness.on("change", render);
  render();
}
