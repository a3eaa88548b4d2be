/**
 * The notice line under the top bar. A notice about the connection clears itself once the copy
 * is in sync again; a notice that explains something already done to the person's copy (it was
 * thrown away and synced afresh) stays until they dismiss it, so a fast resync cannot hide it.
 */
import { setLocalText } from "../i18n/localizedElements";

/** How long a notice lasts. */
export const NoticeKind = {
  /** Cleared by the next successful sync. */
  untilSynced: "until-synced",
  /** Stays until dismissed or replaced. */
  untilDismissed: "until-dismissed",
} as const;
export type NoticeKind = (typeof NoticeKind)[keyof typeof NoticeKind];

function noticeElement(): HTMLElement {
  return document.getElementById("notice")!;
}

/**
 * Shows `text`, followed by `extras` (a download link, say); replaces whatever notice was there.
 * Pass `localText(key)` rather than `t(key)` for words that should follow a change of language.
 * Returns the function that takes this notice away, and no other that replaced it since.
 */
export function showNotice(text: string | Node, kind: NoticeKind, ...extras: HTMLElement[]): () => void {
  const notice = noticeElement();
  const message = document.createElement("span");
  message.append(text);
  notice.replaceChildren(message);
  for (const extra of extras) notice.append(" ", extra);
  notice.dataset["kind"] = kind;
  if (kind === NoticeKind.untilDismissed) {
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "notice-dismiss";
    setLocalText(dismiss, "connection.dismiss");
    dismiss.addEventListener("click", () => clearNotice(NoticeKind.untilDismissed));
    notice.append(" ", dismiss);
  }
  notice.hidden = false;
  return () => {
    if (notice.contains(message)) clearNotice(kind);
  };
}

/** Clears the notice if it is of `kind` (a sync clears only notices that last until synced). */
export function clearNotice(kind: NoticeKind): void {
  const notice = noticeElement();
  if (notice.dataset["kind"] !== kind) return;
  notice.replaceChildren();
  delete notice.dataset["kind"];
  notice.hidden = true;
}
