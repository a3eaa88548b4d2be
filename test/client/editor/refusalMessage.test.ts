/**
 * Every refusal shared code makes of a person's action has a message in every catalog, with the
 * values the shared table names; the page says it in its language, never the thrown English, and
 * says a bug only as "could not be done".
 */
import "../../support/english";
import * as Y from "yjs";
import { StanceKind } from "../../../schemas/records";
import { refusalMessage } from "../../../client/editor/refusalMessage";
import { UI_LANGUAGES } from "../../../client/i18n/uiLanguages";
import { addComment } from "../../../shared/comments/commentThreads";
import { startSilence } from "../../../shared/consensus/silenceProcedure";
import { agreementRefusal, setStance } from "../../../shared/consensus/stanceWrites";
import { contactsProblem, MAX_CONTACTS, setContacts } from "../../../shared/contacts/contactWrites";
import { LOCAL_REFUSALS, LocalRefusal } from "../../../shared/LocalRefusal";
import { compileCatalog, readCatalog } from "../../../tools/catalogs.cjs";
import { doc, p } from "../../support/dsl";
import { pidAt, yDraft } from "../../support/yDraft";
import { speak } from "../../support/speak";
import { placeholderNames } from "../../support/messagePlaceholders";

const english = compileCatalog("en", readCatalog("en"));

/** What `work` throws. */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

afterEach(() => speak("en"));

describe("the local refusals in the catalogs", () => {
  it.each(UI_LANGUAGES)("%s has a message for every refusal, and for what could not be done", (language) => {
    const keys = new Set(Object.keys(readCatalog(language)));
    const wanted = [...Object.keys(LOCAL_REFUSALS).map((reason) => `refusals.${reason}`), "refusals.couldNotBeDone"];
    expect(wanted.filter((key) => !keys.has(key))).toEqual([]);
  });

  it("gives each refusal's English message exactly the values its shared definition names", () => {
    for (const [reason, names] of Object.entries(LOCAL_REFUSALS)) {
      const found = [...placeholderNames(english[`refusals.${reason}`]!)].sort();
      expect({ reason, values: found }).toEqual({ reason, values: [...names].sort() });
    }
  });
});

describe("a refusal on the page", () => {
  it("says the panel's refusals in the UI language, never the English thrown: a stance, the chair's agreement, a comment, a silence procedure", () => {
    const text = yDraft(doc(p("States should promote an open ICT environment.")));
    const floor = new Y.Doc();
    const pid = pidAt(text, 0);
    setStance(floor, "CUB", pid, StanceKind.object, "Too vague.");
    setStance(floor, "SLV", pid, StanceKind.object, "Too narrow.");
    const noReason = thrownBy(() => setStance(floor, "USA", pid, StanceKind.object, " "));
    const emptyComment = thrownBy(() => addComment(floor, "CUB", { pid }, "  "));
    const tooSoon = thrownBy(() => startSilence(text, [pid], new Date(Date.now() + 3_600_000)));
    const noDeadline = thrownBy(() => startSilence(text, [pid], new Date("")));

    expect(refusalMessage(agreementRefusal(text, floor, pid))).toBe("Not while CUB and SLV object.");
    expect(refusalMessage(tooSoon)).toBe("A silence procedure in this draft gives at least 72 hours’ notice: choose a later deadline.");
    speak("fr");
    expect(refusalMessage(noReason)).toBe("Une objection doit être motivée.");
    expect(refusalMessage(agreementRefusal(text, floor, pid))).toBe("Impossible tant que CUB et SLV s’y opposent.");
    expect(refusalMessage(emptyComment)).toBe("Un commentaire doit contenir du texte.");
    expect(refusalMessage(tooSoon)).toBe("Dans ce projet, une procédure d’approbation tacite laisse un préavis d’au moins 72 heures : choisissez une échéance plus tardive.");
    expect(refusalMessage(noDeadline)).toBe("Choisissez l’échéance de la procédure d’approbation tacite.");
    speak("ru");
    setStance(floor, "SLV", pid, StanceKind.none);
    expect(refusalMessage(agreementRefusal(text, floor, pid))).toBe("Невозможно, пока CUB возражает.");
  });

  it("says why the points of contact were refused, naming the person and the field in the UI language", () => {
    const badAddress = thrownBy(() => setContacts(new Y.Doc(), "CUB", [{ name: "Ana Pérez", email: "ana@" }]));
    const noName = contactsProblem([{ name: "", phone: "+53 7 555 0100" }]);
    const tooMany = contactsProblem(Array.from({ length: MAX_CONTACTS + 1 }, (_, index) => ({ name: `Person ${index}` })));
    expect(refusalMessage(badAddress)).toBe("Person 1: the e-mail must be an address such as name@mission.example.");
    speak("fr");
    expect(refusalMessage(badAddress)).toBe("Personne 1 : le courriel doit être une adresse telle que name@mission.example.");
    expect(refusalMessage(noName)).toBe("Personne 1 : le nom est obligatoire.");
    expect(refusalMessage(tooMany)).toBe(`Une délégation indique au plus ${MAX_CONTACTS} personnes.`);
    speak("ar");
    expect(refusalMessage(noName)).toBe("الشخص 1: الاسم مطلوب.");
  });

  it("says a bug only as something that could not be done, keeping its English for the console", () => {
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const bug = new RangeError("Range 2–9 is outside a block of length 5");
      speak("fr");
      expect(refusalMessage(bug)).toBe("Cette action n’a pas pu être effectuée : Concord a rencontré une erreur inattendue. Rechargez la page et réessayez.");
      expect(log).toHaveBeenCalledWith(bug);
    } finally {
      log.mockRestore();
    }
  });

  it("holds a refusal's values to the names its message takes", () => {
    // @ts-expect-error: a comment too long says its limit and its length.
    expect(new LocalRefusal("comment-too-long", { limit: 10 }, "too long").values).toEqual({ limit: 10 });
    // @ts-expect-error: an empty comment takes no values.
    expect(new LocalRefusal("comment-needs-words", { limit: 10 }, "empty").reason).toBe("comment-needs-words");
  });
});
