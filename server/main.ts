/** Entry point of `npm start` and `npm run concord -- <command>`: the command line's only edge. */
import { runCommand, UsageError } from "./cli/commands";

runCommand(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${error.usage}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
