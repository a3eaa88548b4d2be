/**
 * Query strings are contracts too (`schemas/rest/*Query.schema.json`, read through `readQuery`):
 * the audit's page and the export's format and view are checked, numbers read as numbers, and a
 * bad or unknown parameter is a 400 naming it.
 */
import { Role } from "../../../shared/roles";
import { invite } from "../../support/members";
import { startTestServer } from "../../support/testServer";

describe("a route's query string", () => {
  it("is checked against its schema, and a bad or unknown parameter is a 400 naming it", async () => {
    const server = await startTestServer();
    const draft = await server.drafts.create({ title: "Queries" });
    const chair = await invite(server, draft.id, Role.chair);
    const get = async (path: string) => {
      const response = await fetch(`${server.url}/api/drafts/${draft.id}/${path}`, { headers: { authorization: `Bearer ${chair.token}` } });
      return { status: response.status, body: response.headers.get("content-type")?.startsWith("application/json") ? await response.json() : await response.text() };
    };
    expect((await get("audit?limit=2")).status).toBe(200);
    expect(await get("audit?limit=0")).toEqual({ status: 400, body: { error: "bad-request", reason: "number-too-small", values: { field: "limit", limit: 1 }, message: "query.limit: must be >= 1" } });
    expect(await get("audit?before=soon")).toEqual({ status: 400, body: { error: "bad-request", reason: "field-invalid", values: { field: "before" }, message: "query.before: must be integer" } });
    expect(await get("audit?limit=1&limit=2")).toEqual({ status: 400, body: { error: "bad-request", reason: "field-invalid", values: { field: "limit" }, message: "query.limit: must be integer" } });
    expect(await get("audit?page=2")).toEqual({ status: 400, body: { error: "bad-request", reason: "field-unknown", values: { field: "page" }, message: "query.page: unknown field" } });
    expect((await get("export?format=txt&view=clean")).status).toBe(200);
    expect(await get("export?view=final")).toEqual({ status: 400, body: { error: "bad-request", reason: "field-not-one-of", values: { field: "view", allowed: "bracketed, clean, compilation" }, message: 'query.view: must be one of bracketed, clean, compilation, not "final"' } });
  });
});
