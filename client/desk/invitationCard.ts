/**
 * A fresh invitation, shown once (the server keeps only a hash of the link): the single-use sign-in
 * link and a ready-to-send invitation text, each in a read-only box with a button that copies it.
 * Where the browser will not copy, the box's words are selected so Ctrl+C copies them. The text is
 * written in the UI language, and written again when it changes, so a secretariat can send it in
 * the language the invitee reads.
 */
import { INVITATION_TTL_DAYS } from "../../shared/memberListing";
import { onLanguageChange, t } from "../i18n/localize";
import { localText } from "../i18n/localizedElements";
import type { MessageKey } from "../i18n/messageKeys";
import { el, button } from "./dom";
import type { Widget } from "./Widget";

/** What the card needs to say. */
export interface InvitationDetails {
  /** Whom the invitation is for and as what ("Delegation of Cuba"), in the UI language of the moment. */
  who: () => string;
  draftTitle: string;
  draftSymbol: string | null;
  /** The whole sign-in link. */
  link: string;
}

/** The invitation text the secretariat sends, in the UI language. */
export function invitationText({ who, draftTitle, draftSymbol, link }: InvitationDetails): string {
  const draft = draftSymbol ? t("desk.invitedDraftWithSymbol", { title: draftTitle, symbol: draftSymbol }) : t("desk.invitedDraft", { title: draftTitle });
  return t("desk.invitationText", { draft, who: who(), link, days: INVITATION_TTL_DAYS });
}

/** What the card says once a box was copied, or selected for Ctrl+C where the browser would not copy. */
interface CopyWords {
  copied: MessageKey;
  selected: MessageKey;
}

async function copy(box: HTMLInputElement | HTMLTextAreaElement, status: HTMLElement, words: CopyWords): Promise<void> {
  try {
    await navigator.clipboard.writeText(box.value);
    status.replaceChildren(localText(words.copied));
  } catch {
    box.focus();
    box.select();
    status.replaceChildren(localText(words.selected));
  }
}

/** The card for one invitation. */
export function invitationCard(details: InvitationDetails): Widget {
  const status = el("p", { className: "invitation-status" });
  status.setAttribute("role", "status");
  const link = el("input", { type: "text", readOnly: true, value: details.link, className: "invitation-link", id: `invitation-link-${Math.random().toString(36).slice(2)}` });
  const text = el("textarea", { readOnly: true, rows: 6, className: "invitation-text", id: `invitation-text-${Math.random().toString(36).slice(2)}` });
  const heading = el("h3");
  const element = el(
    "section",
    { className: "invitation-card" },
    heading,
    el("label", { htmlFor: link.id }, localText("desk.signInLink")),
    link,
    button(localText("desk.copyLink"), () => void copy(link, status, { copied: "desk.linkCopied", selected: "desk.linkSelected" })),
    el("label", { htmlFor: text.id }, localText("desk.invitationToSend")),
    text,
    button(localText("desk.copyInvitation"), () => void copy(text, status, { copied: "desk.invitationCopied", selected: "desk.invitationSelected" })),
    status,
  );
  // Whom it is for names a role, and the text is one message around it: both are written afresh.
  const write = () => {
    const title = t("desk.invitationFor", { who: details.who() });
    heading.textContent = title;
    element.setAttribute("aria-label", title);
    text.value = invitationText(details);
  };
  write();
  const stopWriting = onLanguageChange(write);
  return {
    element,
    unmount: () => {
      stopWriting();
      element.remove();
    },
  };
}
