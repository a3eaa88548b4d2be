/**
 * Jest's TypeScript transform: esbuild strips the types (the typecheck is `npm run typecheck`) and
 * emits CommonJS, so every test worker loads the one CommonJS copy of yjs. It also turns the few
 * dependencies published only as ES modules (intl-messageformat) into CommonJS.
 */
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const { transformSync } = require("esbuild");

/** This file's own bytes count in every cache key, so that a change to the options below is never answered from Jest's cache. */
const OWN_SOURCE = fs.readFileSync(__filename);

module.exports = {
  getCacheKey(source, filename, { configString }) {
    return createHash("sha256").update(OWN_SOURCE).update("\0").update(filename).update("\0").update(configString).update("\0").update(source).digest("hex");
  },
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith(".ts") ? "ts" : "js",
      format: "cjs",
      target: "node20",
      sourcemap: true,
      sourcefile: filename,
      // As in the server's bundle, `await import()` (of a module the server loads only when first
      // needed) becomes a require: Jest's module sandbox runs no dynamic import without a flag.
      supported: { "dynamic-import": false },
    });
    return { code, map };
  },
};
