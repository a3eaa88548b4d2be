/** Scenario 3, many drafts: 500 drafts with two clients each making light edits; server memory and CPU. */
import type * as Y from "yjs";
import { TextRoot } from "../shared/documentLayout";
import type { BenchClient } from "./benchClient";
import { connectMany } from "./fanOut";
import { totalCpuSeconds, totalRssMiB } from "./processStats";
import type { ServerUnderTest } from "./servers";

/** How often each client of the many-drafts scenario edits. */
export const LIGHT_EDIT_INTERVAL_MS = 2000;

/** The figures of one many-drafts run. */
export interface ManyDraftsResult {
  drafts: number;
  /** RSS with every draft loaded and its clients connected, before the edits start. */
  loadedRssMiB: number;
  /** RSS at the end of the edits. */
  serverRssMiB: number;
  serverCpuSeconds: number;
  edits: number;
  /** Server CPU per edit, in milliseconds. */
  serverCpuMsPerEdit: number;
}

/** Two clients per draft, each editing every two seconds, for `durationMs`. */
export async function manyDrafts(server: ServerUnderTest, durationMs: number): Promise<ManyDraftsResult> {
  const clients: BenchClient[] = [];
  for (const draftId of server.draftIds) clients.push(...(await connectMany(server.room(draftId), 2)));
  const loadedRssMiB = totalRssMiB(server.pids);
  const cpuBefore = totalCpuSeconds(server.pids);
  let edits = 0;
  const timers = clients.map((client, index) =>
    setTimeout(function edit() {
      const block = client.doc.getXmlFragment(TextRoot.content).get(0) as Y.XmlElement | null;
      const text = block?.get(0) as Y.XmlText | undefined;
      if (text) {
        text.insert(0, "x");
        edits++;
      }
      timers[index] = setTimeout(edit, LIGHT_EDIT_INTERVAL_MS);
    }, (index * 37) % LIGHT_EDIT_INTERVAL_MS),
  );
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const timer of timers) clearTimeout(timer);
  const serverCpuSeconds = totalCpuSeconds(server.pids) - cpuBefore;
  const result: ManyDraftsResult = {
    drafts: server.draftIds.length,
    loadedRssMiB,
    serverRssMiB: totalRssMiB(server.pids),
    serverCpuSeconds,
    edits,
    serverCpuMsPerEdit: edits > 0 ? (serverCpuSeconds * 1000) / edits : Number.NaN,
  };
  for (const client of clients) client.close();
  return result;
}
