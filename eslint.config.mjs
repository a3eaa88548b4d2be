// Lint: typescript-eslint's recommended rules, plus the folder boundaries of STYLE.md — imports
// flow client → shared, schemas and server → shared, schemas; never the other way.
import tseslint from "typescript-eslint";

const forbid = (...folders) => ({
  "no-restricted-imports": [
    "error",
    { patterns: folders.map((folder) => ({ group: [`**/${folder}/*`, `**/${folder}`], message: `This folder may not import from ${folder}/.` })) },
  ],
});

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "test/artifacts/", "bench/results/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  { files: ["shared/**", "schemas/**"], rules: forbid("server", "client", "test") },
  { files: ["client/**"], rules: forbid("server", "test") },
  { files: ["server/**"], rules: forbid("client", "test") },
  { files: ["**/*.js", "**/*.cjs"], languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly" } }, rules: { "@typescript-eslint/no-require-imports": "off" } },
);
