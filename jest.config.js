/** Jest runs every test in test/: TypeScript through esbuild, one CommonJS copy of yjs per worker. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": "<rootDir>/test/support/esbuildTransform.js",
  },
  globalSetup: "<rootDir>/test/support/globalSetup.js",
  reporters: ["default", "<rootDir>/test/support/noSkipsReporter.js"],
  testTimeout: 30000,
  maxWorkers: 2,
};
