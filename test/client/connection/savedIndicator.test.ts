/**
 * The saved indicator in words of the UI language: how many changes wait on this device, with the
 * language's plural, said again at once when the language changes, and left alone once stopped.
 */
import "../../support/english";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { bindSavedIndicator } from "../../../client/connection/savedIndicator";
import { SaveTracker } from "../../../client/connection/saveTracker";
import { speak } from "../../support/speak";

/** What the indicator writes to: the two properties of the top bar's element it uses. */
function indicatorElement(): HTMLElement {
  return { textContent: "", dataset: {} } as unknown as HTMLElement;
}

/** A document with `unsaved` changes made offline, its tracker, and a provider whose line is down (the socket is y-websocket's, not ours). */
function offlineCopy(unsaved: number): { trackers: SaveTracker[]; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const tracker = new SaveTracker(doc);
  for (let change = 0; change < unsaved; change++) doc.getText("words").insert(0, "x");
  const provider = { wsconnected: false, on: () => {}, off: () => {} } as unknown as WebsocketProvider;
  return { trackers: [tracker], provider };
}

afterEach(() => speak("en"));

describe("the saved indicator", () => {
  it("says how many changes are kept on this device, one or many", () => {
    for (const [unsaved, words] of [
      [1, "Not saved yet: 1 change kept on this device"],
      [3, "Not saved yet: 3 changes kept on this device"],
    ] as const) {
      const element = indicatorElement();
      const { trackers, provider } = offlineCopy(unsaved);
      bindSavedIndicator(element, trackers, provider);
      expect(element.textContent).toBe(words);
      expect(element.dataset["state"]).toBe("kept-here");
    }
  });

  it("says it again at once in the language chosen, with that language's plural", () => {
    const element = indicatorElement();
    const { trackers, provider } = offlineCopy(5);
    bindSavedIndicator(element, trackers, provider);
    speak("ru");
    expect(element.textContent).toBe("Ещё не сохранено: 5 изменений хранятся на этом устройстве");
    speak("ar");
    expect(element.textContent).toBe("لم يُحفظ بعد: 5 تغييرات محفوظة على هذا الجهاز");
  });

  it("writes nothing more once stopped, whatever the language does", () => {
    const element = indicatorElement();
    const { trackers, provider } = offlineCopy(2);
    const indicator = bindSavedIndicator(element, trackers, provider);
    indicator.stop();
    speak("fr");
    expect(element.textContent).toBe("");
  });

  it("counts a copy opened later (the contributions) until it stops following it", () => {
    const element = indicatorElement();
    const text = offlineCopy(1);
    const contributions = offlineCopy(2);
    const indicator = bindSavedIndicator(element, text.trackers, text.provider);
    const unfollow = indicator.follow(contributions.trackers[0]!);
    expect(element.textContent).toBe("Not saved yet: 3 changes kept on this device");
    unfollow();
    expect(element.textContent).toBe("Not saved yet: 1 change kept on this device");
  });
});
