/**
 * Jest's TypeScript transform: esbuild strips the types (the typecheck is `npm run typecheck`) and
 * emits CommonJS, so every test worker loads the one CommonJS copy of yjs.
 */
const { transformSync } = require("esbuild");

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: "ts",
      format: "cjs",
      target: "node20",
      sourcemap: true,
      sourcefile: filename,
    });
    return { code, map };
  },
};
