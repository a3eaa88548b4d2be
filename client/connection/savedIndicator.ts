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

/** A running saved indicator: what stops it, and how a copy opened later joins what it counts. */
export interface SavedIndicator {
  stop(): void;
  /** Counts `tracker`'s changes too (a room opened after the page, as the contributions); returns what stops counting them. */
  follow(tracker: SaveTracker): () => void;
}

/**
 * Keeps `element` saying whether the changes tracked by `trackers` (and by any `follow`ed later) are
 * saved, with `provider`'s connection telling "being saved" from "kept on this device".
 */
export function bindSavedIndicator(element: HTMLElement, trackers: readonly SaveTracker[], provider: WebsocketProvider): SavedIndicator {
  const counted = new Map<SaveTracker, () => void>();
  const render = () => {
    const unsaved = [...counted.keys()].reduce((sum, tracker) => sum + tracker.unsaved, 0);
    const state = unsaved === 0 ? SavedState.saved : provider.wsconnected ? SavedState.saving : SavedState.keptHere;
    element.dataset["state"] = state;
    element.textContent = label(state, unsaved);
  };
  const follow = (tracker: SaveTracker) => {
    if (!counted.has(tracker)) counted.set(tracker, tracker.onChange(render));
    render();
    return () => {
      counted.get(tracker)?.();
      counted.delete(tracker);
      render();
    };
  };
  for (const tracker of trackers) counted.set(tracker, tracker.onChange(render));
  provider.on("status", render);
  const stopLanguage = onLanguageChange(render);
  render();
  return {
    follow,
    stop() {
      for (const stop of counted.values()) stop();
      counted.clear();
      stopLanguage();
      provider.off("status", render);
      element.textContent = "";
      delete element.dataset["state"];
    },
  };
}
