/**
 * Which errors become which statuses at the REST API's edge: the API's own refusals are 4xx with
 * their reason; a RangeError thrown by inner code is the server's fault, a 500; an unreadable or
 * oversized body stays a 400 or a 413.
 */
import type { AddressInfo } from "node:net";
import express from "express";
import { answerError } from "../../../server/http/answerError";
import { route } from "../../../server/http/requestContext";
import { Role } from "../../../shared/roles";
import { captureLog } from "../../support/capturedLog";
import { onTestEnd } from "../../support/cleanup";
import { invite } from "../../support/members";
import { startTestServer } from "../../support/testServer";

/** An app with one route whose inner code throws `error`, behind the API's error edge, on port 0. */
async function appThrowing(error: Error): Promise<string> {
  const app = express();
  app.get(
    "/inner",
    route(async () => {
      throw error;
    }),
  );
  app.use(answerError);
  const listener = app.listen(0);
  await new Promise((resolve) => listener.once("listening", resolve));
  onTestEnd(() => new Promise<void>((resolve) => listener.close(() => resolve())));
  return `http://127.0.0.1:${(listener.address() as AddressInfo).port}/inner`;
}

describe("the REST API's error edge", () => {
  it("answers 500, not 400, when a route's inner code throws a RangeError, and says nothing of its message", async () => {
    const log = captureLog();
    const response = await fetch(await appThrowing(new RangeError("Delegation membership m1 has no state")));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal", reason: "internal", values: {}, message: "Something went wrong on the server." });
    expect(log.lines()).toEqual([
      expect.objectContaining({ level: "error", event: "crash-avoided", status: 500, error: expect.objectContaining({ type: "RangeError", message: "Delegation membership m1 has no state" }) }),
    ]);
  });

  it("answers a bad role, a bad state or a bad name with 400, the refusal's id and values, and the reason in English", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Members" });
    const chair = await invite(server, draft.id, Role.chair);
    const member = await invite(server, draft.id, Role.delegation, "CUB");
    const send = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${server.url}/api/drafts/${draft.id}/members${path}`, {
        method,
        headers: { authorization: `Bearer ${chair.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    expect(await send("POST", "", { role: "emperor" })).toEqual({ status: 400, body: { error: "bad-request", reason: "unknown-role", values: { role: "emperor" }, message: "Unknown role: emperor" } });
    expect(await send("POST", "", { role: "delegation", state: "XYZ" })).toEqual({ status: 400, body: { error: "bad-request", reason: "delegation-needs-state", values: { state: "XYZ" }, message: "A delegation needs a state code, not XYZ" } });
    expect(await send("POST", "", { role: "observer", state: "CUB" })).toEqual({ status: 400, body: { error: "bad-request", reason: "state-only-for-delegations", values: {}, message: "Only delegations have a state; a observer does not" } });
    expect(await send("POST", "", { role: "observer", name: "  " })).toEqual({ status: 400, body: { error: "bad-request", reason: "member-name-length", values: { max: 120 }, message: "A member's name must have 1–120 characters" } });
    expect(await send("PATCH", `/${member.membership.id}`, { role: "king" })).toEqual({ status: 400, body: { error: "bad-request", reason: "unknown-role", values: { role: "king" }, message: "Unknown role: king" } });
    expect(await send("PATCH", `/${member.membership.id}`, { role: 7 })).toEqual({ status: 400, body: { error: "bad-request", reason: "field-invalid", values: { field: "role" }, message: "body.role: must be string" } });
  });

  it("keeps an unreadable body a 400 and an oversized one a 413", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Bodies" });
    const chair = await invite(server, draft.id, Role.chair);
    const post = (body: string) =>
      fetch(`${server.url}/api/drafts/${draft.id}/members`, { method: "POST", headers: { authorization: `Bearer ${chair.token}`, "content-type": "application/json" }, body });
    const unreadable = await post("{role:");
    expect(unreadable.status).toBe(400);
    expect(await unreadable.json()).toEqual({ error: "bad-request", reason: "body-unreadable", values: {}, message: "The request body could not be read." });
    const oversized = await post(JSON.stringify({ role: "observer", name: "x".repeat(100_000) }));
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toEqual(expect.objectContaining({ error: "too-large", reason: "request-too-large", values: { formKilobytes: 64, fileMegabytes: 10 } }));
  });
});
