/**
 * The top bar's Sign out button, on every page. Signing out first takes the drafts off this device
 * (every copy the server holds all of; a copy with unsaved work stays, DESIGN.md invariant 7, and
 * the person is told), then ends the session on the server, then opens `/` afresh in this tab and
 * in every chair's or delegation's editor open in this browser, so that no draft's text, socket or
 * editor outlives it; the drafts page then says the person signed out.
 */
import { SIGN_OUT_ROUTE } from "../../shared/appPaths";
import { errorMessageOf, stillSignedInMessage, unreachableMessage } from "../connection/errorMessages";
import { NoticeKind, showNotice } from "../connection/notice";
import { setLocalText } from "../i18n/localizedElements";
import { forgetSavedCopies } from "../offline/forgetDevice";

/** Where a tab remembers that it signed out (and has not signed in since), with the time. */
const SIGNED_OUT_KEY = "concord/signed-out";

/** Where a tab remembers how many copies with unsaved work signing out kept on the device. */
const KEPT_COPIES_KEY = "concord/kept-copies";

/** The channel that tells this browser's other tabs that the person signed out. */
const SIGN_OUT_CHANNEL = "concord/sign-out";

function signOutButton(): HTMLButtonElement | null {
  return document.getElementById("sign-out") as HTMLButtonElement | null;
}

function signedOutAt(): number | null {
  try {
    const kept = sessionStorage.getItem(SIGNED_OUT_KEY);
    return kept === null ? null : Number(kept);
  } catch {
    return null;
  }
}

/** How many copies with unsaved work the last sign-out in this tab kept on the device. */
export function copiesKeptAtSignOut(): number {
  try {
    return Number(sessionStorage.getItem(KEPT_COPIES_KEY) ?? 0) || 0;
  } catch {
    return 0;
  }
}

/**
 * What must let go of the device's copies before they can be deleted (the editor's own): each
 * resolves with the names of the copies it knows hold changes the server has not acknowledged.
 */
type BeforeSignOut = () => Promise<string[]>;
const beforeSignOutHooks = new Set<BeforeSignOut>();

/** Runs `hook` before signing out takes the drafts off the device; returns the function that cancels it. */
export function beforeSignOut(hook: BeforeSignOut): () => void {
  beforeSignOutHooks.add(hook);
  return () => beforeSignOutHooks.delete(hook);
}

/** Whether this tab signed out and has not signed in since: the drafts page says so. */
export function hasSignedOut(): boolean {
  return signedOutAt() !== null;
}

/** Shows the Sign out button while signed in, hides it when not; signing in again forgets the sign-out. */
export function showSignedIn(signedIn: boolean): void {
  const button = signOutButton();
  if (button) button.hidden = !signedIn;
  if (signedIn) {
    try {
      sessionStorage.removeItem(SIGNED_OUT_KEY);
    } catch {
      // Storage disabled: nothing was kept.
    }
  }
}

/** Remembers the sign-out in this tab and opens `/` afresh, replacing the current page in the history. */
function leaveForSignedOutPage(): void {
  try {
    sessionStorage.setItem(SIGNED_OUT_KEY, String(Date.now()));
  } catch {
    // Storage disabled: the drafts page will say "not signed in" instead of "signed out".
  }
  location.replace("/");
}

/**
 * The channel this page listens on, when it holds work of its own (a chair's or a delegation's
 * editor); observers open no cross-tab channel (DESIGN.md section 6), and neither does a page that
 * only lists drafts.
 */
let channel: BroadcastChannel | null = null;
/** An observer's page tells no other tab anything. */
let quiet = false;

/**
 * Sets how this editor page takes part in signing out across tabs: a chair's or a delegation's page
 * signs out when another tab does (over a channel); an observer's page opens no cross-tab channel
 * and tells no other tab anything. Called again when the member's role changes.
 */
export function followSignOutsAs(observer: boolean): void {
  quiet = observer;
  if (observer) {
    channel?.close();
    channel = null;
    return;
  }
  if (channel || typeof BroadcastChannel !== "function") return;
  channel = new BroadcastChannel(SIGN_OUT_CHANNEL);
  channel.addEventListener("message", () => leaveForSignedOutPage());
}

/** Tells the other tabs, through the page's channel or a one-off one. */
function tellOtherTabs(): void {
  if (channel) channel.postMessage("signed-out");
  else if (!quiet && typeof BroadcastChannel === "function") {
    const once = new BroadcastChannel(SIGN_OUT_CHANNEL);
    once.postMessage("signed-out");
    once.close();
  }
}

async function signOut(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  // While still signed in (the server's snapshots tell what it holds), take the drafts off the device.
  const unsaved = new Set<string>();
  for (const hook of beforeSignOutHooks) for (const name of await hook().catch(() => [])) unsaved.add(name);
  const kept = await forgetSavedCopies(unsaved).catch(() => unsaved.size);
  try {
    sessionStorage.setItem(KEPT_COPIES_KEY, String(kept));
  } catch {
    // Storage disabled: the drafts page cannot say how many copies were kept.
  }
  // Until the server has answered, the session cookie is still set: say so rather than pretend.
  const failure = await fetch(SIGN_OUT_ROUTE, { method: "POST" }).then(
    async (response) => (response.ok ? null : errorMessageOf(response)),
    () => unreachableMessage(),
  );
  if (failure) {
    button.disabled = false;
    showNotice(stillSignedInMessage(failure), NoticeKind.untilDismissed);
    return;
  }
  tellOtherTabs();
  leaveForSignedOutPage();
}

/** Binds the Sign out button (shown until a page learns the person is not signed in), and its words to the UI language. */
export function bindSignOut(): void {
  const button = signOutButton();
  if (button) setLocalText(button, "pages.signOut");
  button?.addEventListener("click", () => void signOut(button));
  // Going back may restore a page from the back-forward cache as it was before the sign-out.
  window.addEventListener("pageshow", (event) => {
    const at = signedOutAt();
    if (event.persisted && at !== null && at >= performance.timeOrigin) location.reload();
  });
}
