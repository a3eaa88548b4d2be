// `npm run bench [-- --quick]`: builds the server and the benchmark (bench/ → dist/bench) with
// esbuild, installs the Hocuspocus peer from its own lockfile when missing (`npm ci` in
// bench/peers/hocuspocus, never a dependency of the project), then runs the bench pinned to the
// client core (servers are pinned to the other by bench/pinning.ts). The report goes to
// bench/results/latest.md and latest.json. The bench's second entry, exportRun.js, is the process
// each export of scenario 7 is measured in.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLIENT_CORE = "1";

execFileSync(process.execPath, [path.join(root, "tools", "build.mjs")], { stdio: "inherit" });
await esbuild.build({
  entryPoints: [path.join(root, "bench", "main.ts"), path.join(root, "bench", "exportRun.ts")],
  outdir: path.join(root, "dist", "bench"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: ["node20"],
  packages: "external",
  logLevel: "warning",
});

const hocuspocus = path.join(root, "bench", "peers", "hocuspocus");
if (!fs.existsSync(path.join(hocuspocus, "node_modules", "@hocuspocus", "server"))) {
  console.log("Installing the Hocuspocus peer (npm ci in bench/peers/hocuspocus)");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: hocuspocus, stdio: "inherit" });
}

const bench = [path.join(root, "dist", "bench", "main.js"), ...process.argv.slice(2)];
const canPin = os.cpus().length >= 2 && spawnSync("taskset", ["-c", CLIENT_CORE, "true"]).status === 0;
if (!canPin) console.log("taskset is missing or the machine has one core: the bench runs unpinned, and its report says so");
execFileSync(canPin ? "taskset" : process.execPath, canPin ? ["-c", CLIENT_CORE, process.execPath, ...bench] : bench, { stdio: "inherit" });
