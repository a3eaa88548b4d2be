// Builds the browser app (client/ → dist/client) and the server (server/ → dist/server) with esbuild.
// `--watch` rebuilds on change and restarts the server: that is `npm run dev`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const watch = process.argv.includes("--watch");
const clientOut = path.join(root, "dist", "client");

/** @type {esbuild.BuildOptions} */
const client = {
  entryPoints: { app: path.join(root, "client", "main.ts"), styles: path.join(root, "client", "styles.css") },
  outdir: clientOut,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2020"],
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  logLevel: "warning",
};

/** @type {esbuild.BuildOptions} */
const server = {
  entryPoints: [path.join(root, "server", "main.ts")],
  outfile: path.join(root, "dist", "server", "main.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: ["node20"],
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
};

function copyStatic() {
  fs.mkdirSync(clientOut, { recursive: true });
  fs.copyFileSync(path.join(root, "client", "index.html"), path.join(clientOut, "index.html"));
}

if (watch) {
  copyStatic();
  const contexts = await Promise.all([esbuild.context(client), esbuild.context(server)]);
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.watch()));
  const child = spawn(process.execPath, ["--watch", path.join(root, "dist", "server", "main.js"), "start"], { stdio: "inherit" });
  process.on("SIGINT", () => child.kill("SIGINT"));
} else {
  await Promise.all([esbuild.build(client), esbuild.build(server)]);
  copyStatic();
}
