/** The structured log: one JSON line per event, with its level and name, never a secret; quiet under jest unless asked. */
import { log, LogEvent, logLevelFromEnv } from "../../server/log";
import { captureLog } from "../support/capturedLog";

describe("the structured log", () => {
  it("writes one JSON line per event with its level, name and fields", () => {
    const captured = captureLog();
    log.info(LogEvent.signIn, { userId: "u1", draftId: "d1" });
    log.warn(LogEvent.flood, { draftId: "d1", bytes: 81_000_000 });
    log.error(LogEvent.crashAvoided, { error: new RangeError("bad value 7") });
    const lines = captured.text().trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(captured.lines()).toEqual([
      expect.objectContaining({ level: "info", event: "sign-in", userId: "u1", draftId: "d1", time: expect.any(String) }),
      expect.objectContaining({ level: "warn", event: "flood", bytes: 81_000_000 }),
      expect.objectContaining({ level: "error", event: "crash-avoided", error: expect.objectContaining({ type: "RangeError", message: "bad value 7", stack: expect.any(String) }) }),
    ]);
  });

  it("censors fields named like secrets, at the top level and one level down", () => {
    const captured = captureLog();
    log.info(LogEvent.credentialRefused, { token: "t0ken", url: "/signin/s3cret", request: { cookie: "concord_session=c00kie", authorization: "Bearer b3arer" } });
    for (const secret of ["t0ken", "s3cret", "c00kie", "b3arer"]) expect(captured.text()).not.toContain(secret);
    expect(captured.lines()[0]).toEqual(expect.objectContaining({ token: "[secret]", url: "[secret]", request: { cookie: "[secret]", authorization: "[secret]" } }));
  });

  it("is silent under jest unless CONCORD_LOG_LEVEL asks, and info elsewhere", () => {
    expect(logLevelFromEnv({ JEST_WORKER_ID: "1" })).toBe("silent");
    expect(logLevelFromEnv({ JEST_WORKER_ID: "1", CONCORD_LOG_LEVEL: "warn" })).toBe("warn");
    expect(logLevelFromEnv({})).toBe("info");
    expect(logLevelFromEnv({ CONCORD_LOG_LEVEL: "loud" })).toBe("info");
  });
});
