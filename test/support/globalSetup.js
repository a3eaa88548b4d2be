/** Builds the client bundle and the server once before any test starts a server or a browser. */
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = async function globalSetup() {
  execFileSync(process.execPath, [path.join(__dirname, "..", "..", "tools", "build.mjs")], { stdio: "inherit" });
};
