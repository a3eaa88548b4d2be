/** A silence procedure's countdown: days and hours, then hours and minutes, in the reader's language and its plurals. */
import "../../../support/english";
import { countdown } from "../../../../client/editor/consensus/silenceBanner";
import { speak } from "../../../support/speak";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("a silence procedure's countdown", () => {
  afterEach(() => speak("en"));

  it("counts days and hours, minutes only in the last day, each unit in the singular where there is one", () => {
    expect(countdown(3 * DAY + 2 * MINUTE)).toBe("3 days left");
    expect(countdown(2 * DAY + HOUR + 5 * MINUTE)).toBe("2 days 1 hour left");
    expect(countdown(3 * HOUR + MINUTE)).toBe("3 hours 1 minute left");
    expect(countdown(30_000)).toBe("less than a minute left");
    expect(countdown(0)).toBe("ended; awaiting the server");
  });

  it("speaks Russian's few and many and Arabic's dual when the UI language changes", () => {
    speak("ru");
    expect(countdown(2 * DAY + 5 * HOUR)).toBe("осталось 2 дня 5 часов");
    speak("ar");
    expect(countdown(2 * DAY)).toBe("المتبقي يومان");
  });
});
