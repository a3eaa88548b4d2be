// `npm run bench [-- --quick]`: builds the server and the benchmark (bench/ → dist/bench) with
// esbuild, then runs it. The report goes to bench/results/latest.md and latest.json. The bench's
// second entry, exportRun.js, is the process each export of scenario 7 is measured in.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
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
execFileSync(process.execPath, [path.join(root, "dist", "bench", "main.js"), ...process.argv.slice(2)], { stdio: "inherit" });
