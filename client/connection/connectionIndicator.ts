/** The always-visible connection state: online, connecting, offline, in words and not only colour. */
import type { WebsocketProvider } from "y-websocket";

/** States the indicator shows. */
export const ConnectionState = {
  connecting: "connecting",
  online: "online",
  offline: "offline",
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];

const LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  online: "Online",
  offline: "Offline — your edits are kept and will sync when the line is back",
};

/** Keeps `element` showing the provider's connection state. */
export function bindConnectionIndicator(element: HTMLElement, provider: WebsocketProvider): void {
  const show = (state: ConnectionState) => {
    element.dataset.state = state;
    element.textContent = LABELS[state];
  };
  // The provider may have connected, or failed to, before the page bound the indicator.
  const current = () =>
    provider.wsconnected ? (provider.synced ? ConnectionState.online : ConnectionState.connecting) : provider.wsconnecting ? ConnectionState.connecting : ConnectionState.offline;
  show(current());
  provider.on("status", () => show(current()));
  provider.on("sync", () => show(current()));
}
