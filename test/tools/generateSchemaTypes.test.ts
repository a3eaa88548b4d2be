/**
 * The record and REST types and limits are generated from the JSON Schemas
 * (`tools/generateSchemaTypes.mjs`); a schema changed without generating again fails here.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the types generated from the schemas", () => {
  it("are what the schemas say now: schemas/generated/ is not stale", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "tools", "generateSchemaTypes.mjs"), "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
