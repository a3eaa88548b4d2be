/**
 * Jest's TypeScript transform: esbuild strips the types (the typecheck is `npm run typecheck`) and
 * emits CommonJS, so every test worker loads the one CommonJS copy of yjs. It also turns the few
 * dependencies published only as ES modules (intl-messageformat) into CommonJS.
 */
const { transformSync } = require("esbuild");

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith(".ts") ? "ts" : "js",
      format: "cjs",
      target: "node20",
      sourcemap: true,
      sourcefile: filename,
    });
    return { code, map };
  },
};
