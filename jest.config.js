/** Jest runs every test in test/: TypeScript through swc, one CommonJS copy of yjs per worker. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  globalSetup: "<rootDir>/test/support/globalSetup.js",
  reporters: ["default", "<rootDir>/test/support/noSkipsReporter.js"],
  testTimeout: 30000,
  maxWorkers: 2,
};
