/**
 * Before any test: builds the client bundle and the server once (tests start servers and browsers
 * from dist/), and makes the folder this run's database engines will live in (`testEngines.ts`).
 * Engines start only when a test first asks for one, so a run that needs none pays nothing.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { ENGINES_DIR_VARIABLE } = require("./testEngines");

module.exports = async function globalSetup() {
  execFileSync(process.execPath, [path.join(__dirname, "..", "..", "tools", "build.mjs")], { stdio: "inherit" });
  // Workers start after global setup and inherit its environment.
  const enginesDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-engines-"));
  fs.chmodSync(enginesDir, 0o755);
  process.env[ENGINES_DIR_VARIABLE] = enginesDir;
};
