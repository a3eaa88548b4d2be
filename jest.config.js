/** Jest runs every test in test/: TypeScript through esbuild, one CommonJS copy of yjs per worker. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": "<rootDir>/test/support/esbuildTransform.js",
    // intl-messageformat and its parser ship only as ES modules.
    "/node_modules/(intl-messageformat|@formatjs)/.+\\.js$": "<rootDir>/test/support/esbuildTransform.js",
  },
  transformIgnorePatterns: ["/node_modules/(?!(intl-messageformat|@formatjs)/)"],
  globalSetup: "<rootDir>/test/support/globalSetup.js",
  globalTeardown: "<rootDir>/test/support/globalTeardown.js",
  reporters: ["default", "<rootDir>/test/support/noSkipsReporter.js"],
  // A guard against a hung test, not a speed target (those live in `npm run bench`): a browser test
  // drives three or four Chromium pages on two cores shared with the other worker, which took up to
  // 30 s on a loaded machine.
  testTimeout: 120_000,
  maxWorkers: 2,
};
