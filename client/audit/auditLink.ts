/**
 * The chair's way into the audit view from the editor: an *Audit log* button that opens and closes
 * the view beside the text. The editor page adds it for the chair only; the API refuses everyone else.
 */
import { setLocalText } from "../i18n/localizedElements";
import { AuditView, type AuditViewContext } from "./AuditView";

/** Puts the button (and, once pressed, the view) before `before`; returns the function that takes both away. */
export function mountAuditLink(before: HTMLElement, context: AuditViewContext): () => void {
  const bar = document.createElement("div");
  bar.className = "draft-tools";
  const button = setLocalText(Object.assign(document.createElement("button"), { type: "button", className: "audit-link" }), "audit.auditLog");
  const place = document.createElement("div");
  place.className = "audit-panel";
  place.id = `audit-${context.draftId}`;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", place.id);
  bar.append(button);
  before.before(bar, place);
  let view: AuditView | null = null;
  button.addEventListener("click", () => {
    if (view) {
      view.unmount();
      view = null;
    } else {
      view = new AuditView(context);
      view.mount(place);
    }
    button.setAttribute("aria-expanded", String(view !== null));
  });
  return () => {
    view?.unmount();
    bar.remove();
    place.remove();
  };
}
