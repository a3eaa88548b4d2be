/**
 * Every close reason and every refusal the server sends has a message in every catalog, with the
 * values the shared definition names; the page says them in its language, never the server's English.
 */
import "../../support/english";
import { closeMessage, httpErrorMessage, readErrorAnswer } from "../../../client/connection/errorMessages";
import { installCatalog } from "../../../client/i18n/localize";
import { UI_LANGUAGES } from "../../../client/i18n/uiLanguages";
import { httpErrors } from "../../../server/http/HttpError";
import { answerOf } from "../../../server/http/answerError";
import { CloseCode } from "../../../shared/closeCodes";
import { REFUSALS, refusal, type RefusalReason } from "../../../shared/refusals";
import { compileCatalog, readCatalog } from "../../../tools/catalogs.cjs";
import { placeholderNames } from "../../support/messagePlaceholders";

const english = compileCatalog("en", readCatalog("en"));

afterEach(() => installCatalog("en", english));

describe("the server's messages in the catalogs", () => {
  it.each(UI_LANGUAGES)("%s has a message for every close reason and every refusal", (language) => {
    const keys = new Set(Object.keys(readCatalog(language)));
    const wanted = [...Object.values(CloseCode).map((cause) => `server.closed.${cause.reason}`), ...Object.keys(REFUSALS).map((reason) => `server.refusal.${reason}`)];
    expect(wanted.filter((key) => !keys.has(key))).toEqual([]);
  });

  it("gives each refusal's English message the values its shared definition names, a field's name said around it", () => {
    for (const [reason, names] of Object.entries(REFUSALS)) {
      const found = [...placeholderNames(english[`server.refusal.${reason}`]!)].sort();
      // A refused field's name is said by `server.fieldProblem` around the message, or beside the field itself.
      expect({ reason, values: found }).toEqual({ reason, values: names.filter((name) => name !== "field").sort() });
    }
  });
});

describe("error messages", () => {
  it("has words for every close code, and none for an ordinary disconnect", () => {
    for (const cause of Object.values(CloseCode)) {
      expect({ code: cause.code, message: closeMessage(cause.code) }).toEqual({ code: cause.code, message: expect.stringMatching(/^[A-Z].+\.$/) });
    }
    expect(closeMessage(1000)).toBeNull();
    expect(closeMessage(1006)).toBeNull();
  });

  it("says every HTTP error the API answers with by its refusal, never a bare status or the server's English", () => {
    const errors = [
      httpErrors.badRequest(refusal("field-invalid", { field: "title" }), "body.title: must be string"),
      httpErrors.unauthenticated(),
      httpErrors.forbidden(),
      httpErrors.notFound("draft-not-found"),
      httpErrors.linkSpent(),
      httpErrors.tooLarge(refusal("file-too-large", { megabytes: 11, limitMegabytes: 10 }), "The file is 11 MB; the largest accepted is 10 MB."),
      httpErrors.unsupportedType(refusal("wrong-content-type", { type: "application/octet-stream" }), "Send the file's bytes as application/octet-stream."),
      httpErrors.tooManyFailures(90),
    ];
    for (const error of errors) {
      const message = httpErrorMessage(error.status, answerOf(error));
      expect(message).not.toMatch(/HTTP \d+/);
      expect(message).toMatch(/^\S.+\.$/);
    }
    expect(httpErrorMessage(429, answerOf(httpErrors.tooManyFailures(90)))).toBe("Too many failed sign-ins from your address; try again in 2 minutes.");
    expect(httpErrorMessage(413)).toBe("That is too large to send.");
    expect(httpErrorMessage(503)).toBe("The server could not answer; try again in a moment.");
    expect(httpErrorMessage(418)).toBe("The request failed (HTTP 418).");
  });

  it("shows an unknown refusal or a bare English sentence by its status, not as the server wrote it", () => {
    expect(httpErrorMessage(415, { message: "This is not a text, Markdown or Word file" })).toBe("The server does not read that kind of file.");
    expect(httpErrorMessage(403, { error: "forbidden", reason: "from-a-newer-server" as RefusalReason, values: {}, message: "No." })).toBe("You do not have access to this draft, or may not do that in it.");
  });

  it("finds the field a refused body names, to show the problem beside it", () => {
    const refused = answerOf(httpErrors.badRequest(refusal("field-too-short", { field: "title", limit: 1 }), "body.title: must NOT have fewer than 1 characters"));
    expect(readErrorAnswer(400, refused)).toEqual({ field: "title", problem: "Too short: at least 1 character.", message: "title: Too short: at least 1 character." });
    const notAField = answerOf(httpErrors.badRequest(refusal("delegation-needs-state", { state: "XYZ" }), "A delegation needs a state code, not XYZ"));
    expect(readErrorAnswer(400, notAField)).toEqual({ field: null, problem: "A delegation needs a state; “XYZ” is not a state code.", message: "A delegation needs a state; “XYZ” is not a state code." });
  });

  it("says a file's real size in the reader's language and number format", () => {
    const tooLarge = answerOf(httpErrors.tooLarge(refusal("file-too-large", { megabytes: 11.5, limitMegabytes: 10 }), "The file is 11.5 MB; the largest accepted is 10 MB."));
    expect(httpErrorMessage(413, tooLarge)).toBe("The file is 11.5 MB; the largest accepted is 10 MB.");
    installCatalog("fr", compileCatalog("fr", readCatalog("fr")));
    expect(httpErrorMessage(413, tooLarge)).toMatch(/11,5/);
    expect(closeMessage(CloseCode.writeRefused.code)).toMatch(/^Le serveur a refusé/);
  });
});
