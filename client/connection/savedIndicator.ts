/**
 * "Saved" in the top bar: shown only once the server has acknowledged every change this page made
 * (SaveTracker); until then the page says the changes are being saved, or, offline, that they are
 * kept on this device.
 */
import type { WebsocketProvider } from "y-websocket";
import { onLanguageChange, t } from "../i18n/localize";
import type { SaveTracker } from "./saveTracker";

/** What the indicator says. */
export const SavedState = {
  saved: "saved",
  saving: "saving",
  keptHere: "kept-here",
} as const;
export type SavedState = (typeof SavedState)[keyof typeof SavedState];

function label(state: SavedState, unsaved: number): string {
  switch (state) {
    case SavedState.saved:
      return t("connection.saved");
    case SavedState.saving:
      return t("connection.saving");
    case SavedState.keptHere:
      return t("connection.keptHere", { count: unsaved });
  }
}

/**
 * Keeps `element` saying whether the changes tracked by `trackers` are saved, with `provider`'s
 * connection telling "being saved" from "kept on this device"; returns the function that stops it.
 */
export function bindSavedIndicator(element: HTMLElement, trackers: readonly SaveTracker[], provider: WebsocketProvider): () => void {
  const render = () => {
    const unsaved = trackers.reduce((sum, tracker) => sum + tracker.unsaved, 0);
    const state = unsaved === 0 ? SavedState.saved : provider.wsconnected ? SavedState.saving : SavedState.keptHere;
    element.dataset["state"] = state;
    element.textContent = label(state, unsaved);
  };
  const stops = trackers.map((tracker) => tracker.onChange(render));
  provider.on("status", render);
  const stopLanguage = onLanguageChange(render);
  render();
  return () => {
    for (const stop of stops) stop();
    stopLanguage();
    provider.off("status", render);
    element.textContent = "";
    delete element.dataset["state"];
  };
}
