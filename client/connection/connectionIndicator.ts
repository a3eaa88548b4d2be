/**
 * The always-visible connection state, in words and not only colour: connecting (the first time),
 * online, reconnecting (the line dropped; trying again), offline (the browser says so, or attempts
 * keep failing, or access ended).
 */
import type { WebsocketProvider } from "y-websocket";
import type { MessageKey } from "../i18n/messageKeys";
import { setLocalText } from "../i18n/localizedElements";

/** States the indicator shows. */
export const ConnectionState = {
  connecting: "connecting",
  online: "online",
  reconnecting: "reconnecting",
  offline: "offline",
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];

const LABELS: Record<ConnectionState, MessageKey> = {
  connecting: "connection.connecting",
  online: "connection.online",
  reconnecting: "connection.reconnecting",
  offline: "connection.offline",
};

/** Failed attempts in a row after which the line counts as down rather than being retried. */
const ATTEMPTS_BEFORE_OFFLINE = 2;

/** Keeps `element` showing the provider's connection state. */
export function bindConnectionIndicator(element: HTMLElement, provider: WebsocketProvider): void {
  let wasOnline = false;
  let failedAttempts = 0;
  const current = (): ConnectionState => {
    if (provider.wsconnected && provider.synced) return ConnectionState.online;
    if (!navigator.onLine || !provider.shouldConnect || failedAttempts >= ATTEMPTS_BEFORE_OFFLINE) return ConnectionState.offline;
    return wasOnline ? ConnectionState.reconnecting : ConnectionState.connecting;
  };
  const show = () => {
    const state = current();
    if (state === ConnectionState.online) {
      wasOnline = true;
      failedAttempts = 0;
    }
    // The element is a live region: write only when the state really changes.
    if (element.dataset["state"] === state) return;
    element.dataset["state"] = state;
    // Bound, so a change of the UI language says the same state in the new language at once.
    setLocalText(element, LABELS[state]);
  };
  // The provider may have connected, or failed to, before the page bound the indicator.
  show();
  provider.on("status", show);
  provider.on("sync", show);
  provider.on("connection-close", () => {
    failedAttempts++;
    show();
  });
  window.addEventListener("online", show);
  window.addEventListener("offline", show);
}
