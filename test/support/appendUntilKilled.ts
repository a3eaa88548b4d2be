/**
 * A process that appends to one room of a PostgreSQL store as fast as it can, printing
 * `<seq> <n>` for each append once committed, until it is killed: the crash test's victim.
 * Each append `n` writes `edit n`, an audit entry about paragraph `p<n>` and claims client id 1000 + n.
 * Arguments: the database URL and the draft's id.
 */
import { Room } from "../../shared/documentLayout";
import { PostgresStorage } from "../../server/storage/PostgresStorage";

/** How many appends it keeps waiting for their commit, so that a kill always lands mid-commit. */
const IN_FLIGHT = 16;

async function appendUntilKilled(url: string, draftId: string): Promise<never> {
  const storage = await PostgresStorage.open(url);
  const waiting = new Set<Promise<void>>();
  for (let n = 0; ; ) {
    while (waiting.size < IN_FLIGHT) {
      const edit = n++;
      const write = { principal: "chair", userId: "chair-user", at: new Date().toISOString(), touched: [{ root: "content", key: null }], newClientIds: [1000 + edit], pids: [`p${edit}`] };
      const committed: Promise<void> = storage
        .appendUpdate(draftId, Room.text, new TextEncoder().encode(`edit ${edit}`), write)
        // A pipe's writes are synchronous: once printed, the parent may count on the commit.
        .then((seq) => void process.stdout.write(`${seq} ${edit}\n`))
        .finally(() => waiting.delete(committed));
      waiting.add(committed);
    }
    await Promise.race(waiting);
  }
}

const [url, draftId] = process.argv.slice(2);
appendUntilKilled(url!, draftId!).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
