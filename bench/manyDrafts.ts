/** Scenario 3, many drafts: 500 drafts with two clients each making light edits; server memory and CPU. */
import type * as Y from "yjs";
import { TextRoot } from "../shared/documentLayout";
import type { BenchClient } from "./benchClient";
import { connectMany } from "./fanOut";
import { cpuSeconds, rssMiB } from "./processStats";
import type { ServerUnderTest } from "./servers";

/** How often each client of the many-drafts scenario edits. */
export const LIGHT_EDIT_INTERVAL_MS = 2000;

/** The figures of one many-drafts run. */
export interface ManyDraftsResult {
  drafts: number;
  serverRssMiB: number;
  serverCpuSeconds: number;
}

/** Two clients per draft, each editing every two seconds, for `durationMs`. */
export async function manyDrafts(server: ServerUnderTest, durationMs: number): Promise<ManyDraftsResult> {
  const clients: BenchClient[] = [];
  for (const draftId of server.draftIds) clients.push(...(await connectMany(server.roomUrl(draftId), 2)));
  const cpuBefore = cpuSeconds(server.pid);
  const timers = clients.map((client, index) =>
    setTimeout(function edit() {
      const block = client.doc.getXmlFragment(TextRoot.content).get(0) as Y.XmlElement | null;
      const text = block?.get(0) as Y.XmlText | undefined;
      text?.insert(0, "x");
      timers[index] = setTimeout(edit, LIGHT_EDIT_INTERVAL_MS);
    }, (index * 37) % LIGHT_EDIT_INTERVAL_MS),
  );
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const timer of timers) clearTimeout(timer);
  const result = { drafts: server.draftIds.length, serverRssMiB: rssMiB(server.pid), serverCpuSeconds: cpuSeconds(server.pid) - cpuBefore };
  for (const client of clients) client.close();
  return result;
}
