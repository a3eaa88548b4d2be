/**
 * How the side panels keep up with a draft without costing the typist: a change to the records
 * they show redraws them in the next frame, as does a switch of the UI language; a change to the
 * text, at most every 2 s.
 */
import type * as Y from "yjs";
import { onLanguageChange } from "../i18n/localize";

/** The longest a side panel lags behind the text (it follows the records at once). */
export const TEXT_REFRESH_MS = 2000;

/** A panel kept up to date: `refresh` redraws it in the next frame, `stop` lets go of the documents. */
export interface Follower {
  refresh: () => void;
  stop: () => void;
}

/**
 * Calls `render` now, in the next frame after any change to `records` or of the UI language, and at most every
 * `TEXT_REFRESH_MS` while `text` changes.
 */
export function followRecords(render: () => void, records: ReadonlyArray<Y.Map<unknown>>, text: Y.XmlFragment): Follower {
  let frame = 0;
  const refresh = () => {
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        render();
      });
  };
  // Typing changes where proposals stand only now and then (an orphan); re-reading 500 proposals
  // on every keystroke would cost the typist, so text changes refresh a panel at most every 2 s.
  let textTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshForText = () => {
    textTimer ??= setTimeout(() => {
      textTimer = null;
      refresh();
    }, TEXT_REFRESH_MS);
  };
  for (const map of records) map.observe(refresh);
  text.observeDeep(refreshForText);
  const stopLanguage = onLanguageChange(refresh);
  render();
  return {
    refresh,
    stop: () => {
      if (frame) cancelAnimationFrame(frame);
      if (textTimer) clearTimeout(textTimer);
      for (const map of records) map.unobserve(refresh);
      text.unobserveDeep(refreshForText);
      stopLanguage();
    },
  };
}
