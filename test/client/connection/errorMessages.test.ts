/** Every close code and every HTTP error the server sends has one message a person can read. */
import { httpErrors } from "../../../server/http/HttpError";
import { CloseCode } from "../../../shared/closeCodes";
import { closeMessage, httpErrorMessage } from "../../../client/connection/errorMessages";

describe("error messages", () => {
  it("has words for every close code, and none for an ordinary disconnect", () => {
    for (const cause of Object.values(CloseCode)) {
      expect({ code: cause.code, message: closeMessage(cause.code) }).toEqual({ code: cause.code, message: expect.stringMatching(/^[A-Z].+\.$/) });
    }
    expect(closeMessage(1000)).toBeNull();
    expect(closeMessage(1006)).toBeNull();
  });

  it("has words for every HTTP error the API answers with, never a bare status", () => {
    const errors = [httpErrors.badRequest("title: must be a string"), httpErrors.unauthenticated(), httpErrors.forbidden(), httpErrors.notFound("That draft"), httpErrors.linkSpent(), httpErrors.tooLarge("The file is 11 MB; the largest accepted is 10 MB."), httpErrors.unsupportedType("Send the file's bytes as application/octet-stream.")];
    for (const error of errors) {
      const message = httpErrorMessage(error.status, { error: error.id, message: error.message });
      expect(message).not.toMatch(/HTTP \d+/);
      expect(message).toMatch(/^[A-Z].+\.$/);
    }
    expect(httpErrorMessage(400, { message: "title: must be a string" })).toContain("title: must be a string");
    expect(httpErrorMessage(413)).toBe("That is too large to send.");
    expect(httpErrorMessage(503)).toBe("The server could not answer; try again in a moment.");
  });
});
