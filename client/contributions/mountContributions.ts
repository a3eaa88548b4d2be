/**
 * Written contributions on the editor page: the `contributions` room opened beside the text (after
 * it, and only for those who may read it, so the text never waits for long statements), the panel,
 * and the counts at the section headings.
 */
import type { EditorView } from "prosemirror-view";
import type * as Y from "yjs";
import { listContributions, draftSections } from "../../shared/contributions/readContributions";
import { ContributionsRoot, Room, TextRoot } from "../../shared/documentLayout";
import { mayReadRoom } from "../../shared/readPolicy";
import { Role, type Author } from "../../shared/roles";
import { CloseCode, RESET_LOCAL_COPY_CODES } from "../../shared/closeCodes";
import { closeMessage, FINAL_CLOSE_CODES } from "../connection/errorMessages";
import { closeRoomCopy, openRoomCopy, type RoomCopy } from "../connection/roomCopy";
import type { SaveTracker } from "../connection/saveTracker";
import { beforeSignOut } from "../pages/signOut";
import { ContributionsPanel } from "./ContributionsPanel";
import { addSectionCounts } from "./sectionCountsPlugin";

/** What the page hands over. */
export interface ContributionsMount {
  draftId: string;
  author: Author;
  /** The draft's policy, as `GET /api/drafts/:id` gives it. */
  policy: { observersReadFloor: boolean; observersReadContributions?: boolean };
  view: EditorView;
  textDoc: Y.Doc;
  floorDoc: Y.Doc | null;
  openParagraph: (pid: string) => void;
  report: (message: string) => void;
  /** Counts this room's unsaved changes in the page's saved indicator ("Saved" means committed, here too); absent for observers. */
  followSaved?: (tracker: SaveTracker) => () => void;
}

/** Opens the contributions after `place` for whoever may read them; returns what closes them. */
export function mountContributions(place: HTMLElement, options: ContributionsMount): () => Promise<void> {
  const { author, policy } = options;
  if (!mayReadRoom(author.role, Room.contributions, policy.observersReadFloor, policy.observersReadContributions ?? false)) return async () => {};
  let closed = false;
  let cleanup = async () => {};
  let opening: Promise<unknown> = Promise.resolve();

  const open = () => {
    opening = openRoomCopy(options.draftId, Room.contributions, author).then((copy: RoomCopy) => {
      if (closed) return closeRoomCopy(copy);
      const panel = new ContributionsPanel({ ...options, contributionsDoc: copy.doc });
      const unfollowSaved = options.followSaved?.(copy.tracker) ?? (() => {});
      panel.mount(place);
      const counts = (headingPid: string): number => {
        const section = draftSections(options.textDoc.getXmlFragment(TextRoot.content)).find((each) => each.pid === headingPid);
        if (!section) return 0;
        return listContributions(copy.doc).filter((each) => !each.record.withdrawnAt && each.record.on.pid !== undefined && section.pids.includes(each.record.on.pid)).length;
      };
      const { redraw, remove } = addSectionCounts(options.view, { count: counts, open: (pid) => panel.showSection(pid) });
      const contributions = copy.doc.getMap(ContributionsRoot.contributions);
      contributions.observe(redraw);
      // The page's own documents, for tests and for anyone inspecting their own page; they grant nothing the server does not check.
      const inspect = window as unknown as { concord?: Record<string, unknown> };
      if (inspect.concord) inspect.concord.contributionsDoc = copy.doc;
      // Signing out deletes the saved copies from the device; this page's connection must let go first.
      const stopSignOutHook = beforeSignOut(async () => {
        const unsaved = copy.tracker.unsaved > 0 && copy.local ? [copy.local.name] : [];
        await copy.local?.destroy();
        return unsaved;
      });
      cleanup = async () => {
        cleanup = async () => {};
        unfollowSaved();
        stopSignOutHook();
        contributions.unobserve(redraw);
        remove();
        panel.unmount();
        await closeRoomCopy(copy);
      };
      // As for the text: a refused copy is thrown away and synced afresh; a room closed for good
      // (to an observer, when the chair closes contributions to them) leaves the page.
      copy.provider.on("connection-close", (event: CloseEvent | null) => {
        const code = event?.code ?? 0;
        const reset = RESET_LOCAL_COPY_CODES.has(code);
        if (!reset && !FINAL_CLOSE_CODES.has(code)) return;
        copy.stop();
        const message = closeMessage(code);
        // A member whose access to the draft ended hears it from the text's copy, with any unsaved
        // work to download, which a second notice from this room would replace. Only an observer's
        // contributions close on their own (the chair closed them to observers).
        const saidByText = code === CloseCode.accessRevoked.code || (FINAL_CLOSE_CODES.has(code) && options.author.role !== Role.observer);
        if (message && !saidByText) options.report(message);
        setTimeout(() => {
          void (async () => {
            if (reset) await copy.local?.clear();
            await cleanup();
            if (reset && !closed) open();
          })();
        }, 0);
      });
    });
  };
  open();
  return async () => {
    closed = true;
    await opening.catch(() => undefined);
    await cleanup();
  };
}
