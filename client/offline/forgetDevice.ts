/**
 * Signing out takes the drafts off this device: every copy the server already holds all of is
 * deleted. A copy with work the server never received is kept (DESIGN.md invariant 7), so that
 * signing in again saves it; the person is told how many were kept.
 */
import * as Y from "yjs";
import { snapshotPath } from "../../shared/appPaths";
import { forgetDraftInfo, rememberedDraftIds } from "./draftInfoCache";
import { localCopyNames, openLocalCopy, parseLocalCopyName } from "./localCopy";

/** How long signing out waits for the copies before it goes on without deleting the rest. */
const FORGET_TIMEOUT_MS = 10_000;

/** The server's state of a room, or null when it cannot be had. */
async function serverState(draftId: string, room: string): Promise<Y.Doc | null> {
  try {
    const response = await fetch(snapshotPath(draftId, room));
    if (!response.ok) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
    return doc;
  } catch {
    return null;
  }
}

/** Whether `server` holds everything in `local`: merging the copy in changes neither its items nor its deletions. */
export function holdsAll(server: Y.Doc, local: Y.Doc): boolean {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(local));
  const same = Y.equalSnapshots(Y.snapshot(merged), Y.snapshot(server));
  merged.destroy();
  return same;
}

/** Deletes the copy named `name` if the server holds all of it; resolves with whether it was kept. */
async function forgetIfSaved(name: string): Promise<boolean> {
  const where = parseLocalCopyName(name)!;
  const local = new Y.Doc();
  try {
    const copy = await openLocalCopy(name, local);
    if (!copy) return false;
    const server = await serverState(where.draftId, where.room);
    const saved = server !== null && holdsAll(server, local);
    server?.destroy();
    if (saved) await copy.clear();
    else await copy.destroy();
    return !saved;
  } finally {
    local.destroy();
  }
}

/**
 * Deletes every copy on this device whose work the server holds, except those named in `unsaved`
 * (copies an open page knows hold changes not yet acknowledged). Call while still signed in: it
 * reads the server's snapshots. Resolves with how many copies were kept because they hold unsaved work.
 */
export async function forgetSavedCopies(unsaved: ReadonlySet<string> = new Set()): Promise<number> {
  const work = (async () => {
    const keptDrafts = new Set<string>();
    let kept = 0;
    for (const name of await localCopyNames()) {
      if (unsaved.has(name) || (await forgetIfSaved(name))) {
        kept++;
        keptDrafts.add(parseLocalCopyName(name)!.draftId);
      }
    }
    // What the device knew of a draft goes with its copies; a draft with unsaved work keeps it, to open offline.
    for (const draftId of rememberedDraftIds()) if (!keptDrafts.has(draftId)) forgetDraftInfo(draftId);
    return kept;
  })();
  const timedOut = new Promise<number>((resolve) => setTimeout(() => resolve(0), FORGET_TIMEOUT_MS));
  return Promise.race([work, timedOut]);
}
