/**
 * A fresh invitation, shown once (the server keeps only a hash of the link): the single-use sign-in
 * link and a ready-to-send invitation text, each in a read-only box with a button that copies it.
 * Where the browser will not copy, the box's words are selected so Ctrl+C copies them.
 */
import { INVITATION_TTL_DAYS } from "../../shared/memberListing";
import { el, button } from "./dom";
import type { Widget } from "./Widget";

/** What the card needs to say. */
export interface InvitationDetails {
  /** Whom the invitation is for and as what: "Delegation of Cuba". */
  who: string;
  draftTitle: string;
  draftSymbol: string | null;
  /** The whole sign-in link. */
  link: string;
}

/** The invitation text the secretariat sends. */
export function invitationText({ who, draftTitle, draftSymbol, link }: InvitationDetails): string {
  const draft = draftSymbol ? `“${draftTitle}” (${draftSymbol})` : `“${draftTitle}”`;
  return [
    `You are invited to negotiate the draft ${draft} on Concord, as: ${who}.`,
    "",
    `Open this link and press Sign in: ${link}`,
    "",
    `The link works once, within ${INVITATION_TTL_DAYS} days, and signs in the browser where you open it; please do not forward it.`,
  ].join("\n");
}

async function copy(box: HTMLInputElement | HTMLTextAreaElement, status: HTMLElement, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(box.value);
    status.textContent = `${what} copied.`;
  } catch {
    box.focus();
    box.select();
    status.textContent = `${what} selected: press Ctrl+C to copy it.`;
  }
}

/** The card for one invitation. */
export function invitationCard(details: InvitationDetails): Widget {
  const status = el("p", { className: "invitation-status" });
  status.setAttribute("role", "status");
  const link = el("input", { type: "text", readOnly: true, value: details.link, className: "invitation-link", id: `invitation-link-${Math.random().toString(36).slice(2)}` });
  const text = el("textarea", { readOnly: true, rows: 6, value: invitationText(details), className: "invitation-text", id: `invitation-text-${Math.random().toString(36).slice(2)}` });
  const element = el(
    "section",
    { className: "invitation-card" },
    el("h3", { textContent: `Invitation for ${details.who}` }),
    el("label", { htmlFor: link.id, textContent: "Sign-in link (works once)" }),
    link,
    button("Copy link", () => void copy(link, status, "The link")),
    el("label", { htmlFor: text.id, textContent: "Invitation to send" }),
    text,
    button("Copy invitation", () => void copy(text, status, "The invitation")),
    status,
  );
  element.setAttribute("aria-label", `Invitation for ${details.who}`);
  return { element, unmount: () => element.remove() };
}
