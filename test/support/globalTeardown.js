/** After every test: stops the database engines the run started and removes their folder. */
const { ENGINES_DIR_VARIABLE, stopEverything } = require("./testEngines");

module.exports = async function globalTeardown() {
  const enginesDir = process.env[ENGINES_DIR_VARIABLE];
  if (enginesDir) stopEverything(enginesDir);
};
