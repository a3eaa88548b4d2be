/** Who is present, by state: the server stamps every presence with the identity it knows. */
import type { Awareness } from "y-protocols/awareness";
import { formatList } from "../i18n/formatList";
import { onLanguageChange, t } from "../i18n/localize";

interface StampedUser {
  name?: string;
  role?: string;
  state?: string | null;
}

/** Keeps `element` listing the states (and the chair) present in the draft, in the UI language; returns the function that stops it. */
export function bindPresenceList(element: HTMLElement, awareness: Awareness): () => void {
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
      present.add(user.state ?? (user.role === "chair" ? t("connection.chair") : (user.name ?? "")));
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
    if (observers > 0) element.append(" ", t("connection.observersPresent", { count: observers }));
    // A plain span may not carry a label (ARIA): the list of who is present is a group.
    element.setAttribute("role", "group");
    element.setAttribute("aria-label", labels.length > 0 ? t("connection.present", { names: formatList(labels) }) : t("connection.presentNobody"));
  };
  awareness.on("change", render);
  const stopLanguage = onLanguageChange(render);
  render();
  return () => {
    awareness.off("change", render);
    stopLanguage();
  };
}
