// Builds the browser app (client/ → dist/client) and the server (server/ → dist/server) with esbuild.
// `--watch` rebuilds on change and restarts the server: that is `npm run dev`. A plain build writes
// only the files whose bytes changed, each by an atomic rename, so a server already running from
// dist/ (another `npm start`, a test) never reads a half-written file.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import * as esbuild from "esbuild";
import catalogs from "./catalogs.cjs";

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
  // Messages arrive compiled (tools/catalogs.cjs), so the page formats them without the ICU parser.
  alias: { "@formatjs/icu-messageformat-parser": "@formatjs/icu-messageformat-parser/no-parser.js" },
};

/** @type {esbuild.BuildOptions} */
const serviceWorker = {
  entryPoints: { sw: path.join(root, "client", "serviceWorker.ts") },
  outdir: clientOut,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  minify: true,
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

function writeIfChanged(file, contents) {
  if (fs.existsSync(file) && Buffer.compare(fs.readFileSync(file), Buffer.from(contents)) === 0) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

function copyStatic() {
  writeIfChanged(path.join(clientOut, "index.html"), fs.readFileSync(path.join(root, "client", "index.html")));
}

/** Scripts, styles and catalogs are also written compressed (brotli and gzip), for the server to send as they are. */
const COMPRESSED = /\.(js|css|json)$/;

/** Each UI language's catalog, compiled, as dist/client/messages/<language>.json (and compressed). */
function writeCatalogs() {
  for (const [language, compiled] of Object.entries(catalogs.compileAllCatalogs())) {
    const file = path.join(clientOut, "messages", `${language}.json`);
    const contents = Buffer.from(JSON.stringify(compiled));
    writeIfChanged(file, contents);
    writeCompressed(file, contents);
  }
}

function writeCompressed(file, contents) {
  writeIfChanged(`${file}.br`, zlib.brotliCompressSync(contents, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeIfChanged(`${file}.gz`, zlib.gzipSync(contents, { level: 9 }));
}

/** Removes compressed copies, which `--watch` would otherwise leave stale beside fresh builds. */
function removeCompressed() {
  for (const file of fs.readdirSync(clientOut)) if (/\.(br|gz)$/.test(file)) fs.rmSync(path.join(clientOut, file));
}

async function buildOnce(options) {
  const result = await esbuild.build({ ...options, write: false });
  for (const output of result.outputFiles) {
    writeIfChanged(output.path, output.contents);
    if (options !== server && COMPRESSED.test(output.path)) writeCompressed(output.path, output.contents);
  }
}

if (watch) {
  fs.mkdirSync(clientOut, { recursive: true });
  removeCompressed();
  copyStatic();
  writeCatalogs();
  fs.watch(catalogs.CATALOGS_DIR, { recursive: true }, () => {
    try {
      writeCatalogs();
    } catch (error) {
      console.error(error.message);
    }
  });
  const contexts = await Promise.all([esbuild.context(client), esbuild.context(serviceWorker), esbuild.context(server)]);
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.watch()));
  const child = spawn(process.execPath, ["--watch", path.join(root, "dist", "server", "main.js"), "start"], { stdio: "inherit" });
  process.on("SIGINT", () => child.kill("SIGINT"));
} else {
  await Promise.all([buildOnce(client), buildOnce(serviceWorker), buildOnce(server)]);
  copyStatic();
  writeCatalogs();
}
