/**
 * The page of one draft: title, connection and saved state, who is present, and the editor on the
 * `text` room, editable only by those the write policy lets write the base text. Chairs and
 * delegations keep a copy on this device and work offline. When the server refuses what this copy
 * holds, the copy is thrown away and synced afresh; work that can no longer be saved is offered as
 * a file first, never dropped silently.
 */
import type * as Y from "yjs";
import { draftPath } from "../../shared/appPaths";
import { CloseCode, RESET_LOCAL_COPY_CODES } from "../../shared/closeCodes";
import { Room, TextRoot } from "../../shared/documentLayout";
import { Role, type Author } from "../../shared/roles";
import { mayReadRoom } from "../../shared/readPolicy";
import { writeRefusal } from "../../shared/writePolicy";
import { closeMessage, errorMessageOf, FINAL_CLOSE_CODES, floorClosedMessage, noLocalCopyMessage, unreachableMessage } from "../connection/errorMessages";
import { bindConnectionIndicator } from "../connection/connectionIndicator";
import { clearNotice, NoticeKind, showNotice } from "../connection/notice";
import { bindPresenceList } from "../connection/presenceList";
import { closeRoomCopy, openRoomCopy, type RoomCopy } from "../connection/roomCopy";
import { bindSavedIndicator } from "../connection/savedIndicator";
import { mountAuditLink } from "../audit/auditLink";
import { bindSilenceBanner } from "../editor/consensus/silenceBanner";
import { bindContactsForm } from "../editor/contacts/contactsForm";
import { bindContactsList } from "../editor/contacts/contactsList";
import { createEditor } from "../editor/createEditor";
import { setLocalAttribute, setLocalText } from "../i18n/localizedElements";
import { bindDelegationView } from "../editor/delegation/delegationView";
import { bindDraftHeader } from "../editor/draftHeader";
import { focusParagraph } from "../editor/focusParagraph";
import { askWords } from "../editor/proposals/askWords";
import { bindProposalList } from "../editor/proposals/proposalList";
import { mountPrintFootnotes } from "../editor/printFootnotes";
import { mountProposalToolbar } from "../editor/proposals/proposalToolbar";
import { forgetDraftInfo, recallDraftInfo, rememberDraftInfo } from "../offline/draftInfoCache";
import { downloadLink, notSavedWords, unsavedWorkFile } from "../offline/unsavedWork";
import { RevisionsMenu } from "../revisions/RevisionsMenu";
import { mountContributions } from "../contributions/mountContributions";
import { mountExportMenu } from "./exportMenu";
import { beforeSignOut, followSignOutsAs } from "./signOut";

/** The signed-in member's part in the draft, from `GET /api/drafts/:id`. */
interface Me {
  name: string;
  role: Role;
  state: string | null;
}

/** The draft as `GET /api/drafts/:id` describes it. */
interface DraftInfo {
  observersReadFloor: boolean;
  observersReadContributions?: boolean;
}

/** `GET /api/drafts/:id`'s answer. */
interface DraftAnswer {
  me: Me;
  draft: DraftInfo;
}

/** A dark caret colour, as `#rrggbb` (the format y-prosemirror reads), picked from the client id. */
function caretColor(clientId: number): string {
  const palette = ["#1f4e8c", "#8c1f4e", "#1f8c5a", "#8c5a1f", "#5a1f8c", "#1f7a8c", "#8c1f1f", "#4e8c1f"];
  return palette[clientId % palette.length]!;
}

function authorOf(me: Me): Author {
  if (me.role === Role.delegation) return { role: Role.delegation, state: me.state ?? "" };
  return { role: me.role };
}

/** What happens after a room's socket closed for good or its copy was refused; `message` says why. */
interface CloseHandlers {
  /** The server refused what the copy holds: throw it away and sync afresh. */
  reset: (message: string) => void;
  /** Reconnecting cannot help (access revoked, say): stop, keep what is here. */
  stop: (message: string) => void;
  /** The member's access changed (a new role, or the floor closed to observers): open the draft again as the server now allows. */
  reopen: (message: string) => void;
}

/** An observer's floor closed because the chair closed stances and comments to observers; the text stays open. */
function floorClosedToObserver(copy: RoomCopy, code: number, author: Author): boolean {
  return copy.room === Room.floor && author.role === Role.observer && code === CloseCode.roomForbidden.code;
}

/** Tells the person why a room's connection closed, and acts on it. */
function watchCloses(copy: RoomCopy, author: Author, handlers: CloseHandlers): void {
  copy.provider.on("connection-close", (event: CloseEvent | null) => {
    if (!event) return;
    if (floorClosedToObserver(copy, event.code, author)) {
      handlers.reopen(floorClosedMessage());
      return;
    }
    const message = closeMessage(event.code);
    if (!message) return;
    // The chair changed or ended this membership: open the draft again as the server now allows
    // (the new role, or a page that says access ended), after offering any unsaved work.
    if (event.code === CloseCode.accessRevoked.code) handlers.reopen(message);
    else if (FINAL_CLOSE_CODES.has(event.code)) handlers.stop(message);
    else if (RESET_LOCAL_COPY_CODES.has(event.code)) handlers.reset(message);
    else showNotice(message, NoticeKind.untilSynced);
  });
  copy.provider.on("sync", (synced: boolean) => {
    if (synced) clearNotice(NoticeKind.untilSynced);
  });
}

/**
 * Says `why` the copy ends; when it holds changes the server never acknowledged, says how many and
 * offers them as a file.
 */
function endCopyNotice(draftId: string, author: Author, copies: readonly RoomCopy[], why: string): void {
  const unsaved = copies.reduce((sum, copy) => sum + copy.tracker.unsaved, 0);
  if (unsaved === 0) {
    showNotice(why, NoticeKind.untilDismissed);
    return;
  }
  const file = unsavedWorkFile(draftId, author, copies, new Date());
  const link = downloadLink(file, `concord-unsaved-${draftId}.json`);
  showNotice(notSavedWords(why, unsaved), NoticeKind.untilDismissed, link);
}

/** Opens one synced copy of the draft; returns the function that closes it. */
async function openCopy(place: HTMLElement, draftId: string, draft: DraftInfo, me: Me, onReset: () => void): Promise<() => Promise<void>> {
  const author = authorOf(me);
  // Both rooms load at once: on a slow line each snapshot costs a round trip or more.
  const [text, floor] = await Promise.all([
    openRoomCopy(draftId, Room.text, author),
    mayReadRoom(me.role, Room.floor, draft.observersReadFloor) ? openRoomCopy(draftId, Room.floor, author) : null,
  ]);
  const copies = floor ? [text, floor] : [text];
  const ydoc = text.doc;
  const floorDoc = floor?.doc ?? null;
  const provider = text.provider;
  bindConnectionIndicator(document.getElementById("connection")!, provider);
  bindPresenceList(document.getElementById("presence")!, provider.awareness);
  const saved = author.role === Role.observer ? null : bindSavedIndicator(document.getElementById("saved")!, copies.map((copy) => copy.tracker), provider);
  provider.awareness.setLocalStateField("user", { name: me.name, color: caretColor(ydoc.clientID) });
  if (author.role !== Role.observer && copies.some((copy) => copy.local === null)) showNotice(noLocalCopyMessage(), NoticeKind.untilDismissed);

  const stopHeader = bindDraftHeader(document.getElementById("draft-title")!, ydoc);

  // The page's own document, for tests and for anyone inspecting their own page; it grants nothing
  // the server does not check.
  (window as unknown as { concord?: { doc: Y.Doc; floorDoc: Y.Doc | null } }).concord = { doc: ydoc, floorDoc };

  const proposals = { ydoc, author, report: (message: string) => showNotice(message, NoticeKind.untilDismissed), askWords, floorDoc };
  const writesText = writeRefusal(author, Room.text, TextRoot.content, null) === null;
  const panelPlace = document.createElement("aside");
  panelPlace.className = "paragraph-panel";
  place.after(panelPlace);
  const view = createEditor(place, { awareness: provider.awareness, writesText, proposals, panel: { place: panelPlace, floorDoc, draftId } });
  const toolbar = document.createElement("div");
  toolbar.className = "proposal-toolbar";
  place.before(toolbar);
  const silenceBanner = document.createElement("div");
  silenceBanner.className = "silence-banner";
  toolbar.before(silenceBanner);
  const stopBanner = bindSilenceBanner(silenceBanner, ydoc);
  // In the top bar, beside Sign out: exporting changes nothing in the draft, so the page's own
  // controls stay the editing ones (an observer's page has none).
  const actions = document.createElement("span");
  actions.className = "draft-actions";
  document.getElementById("sign-out")!.before(actions);
  const unmountExport = mountExportMenu(actions, { draftId, role: me.role, observersReadFloor: draft.observersReadFloor });
  const revisions = new RevisionsMenu({ draftId, textDoc: ydoc, readsFloor: floorDoc !== null, publishes: author.role === Role.chair });
  revisions.mount(actions, place.parentElement!);
  const unmountFootnotes = mountPrintFootnotes(place);
  mountProposalToolbar(toolbar, view);
  const panel = document.createElement("aside");
  panel.className = "proposal-list";
  setLocalAttribute(panel, "aria-label", "pages.proposals");
  place.after(panel);
  const openParagraph = (pid: string) => {
    focusParagraph(view, pid);
  };
  const stopList = bindProposalList(panel, proposals, openParagraph);
  const ownView = document.createElement("aside");
  ownView.className = "delegation-view";
  let stopOwnView = () => {};
  if (author.role === Role.delegation) {
    panel.before(ownView);
    stopOwnView = bindDelegationView(ownView, { textDoc: ydoc, floorDoc, state: author.state, openParagraph });
    if (floorDoc) {
      const ownContacts = document.createElement("section");
      ownView.append(ownContacts);
      const stopDelegation = stopOwnView;
      const stopForm = bindContactsForm(ownContacts, floorDoc, author.state);
      stopOwnView = () => {
        stopForm();
        stopDelegation();
      };
    }
  }
  // Points of contact live in the floor room: whoever reads it reads them.
  const contactsList = document.createElement("aside");
  contactsList.className = "contacts-list";
  const stopContactsList = floorDoc ? bindContactsList(contactsList, floorDoc) : () => {};
  if (floorDoc) panel.after(contactsList);
  const closeContributions = mountContributions(panel, { draftId, author, policy: draft, view, textDoc: ydoc, floorDoc, openParagraph, report: proposals.report, followSaved: saved?.follow });
  const stopAudit = author.role === Role.chair ? mountAuditLink(silenceBanner, { draftId, textDoc: ydoc }) : () => {};
  const close = async () => {
    stopSignOutHook();
    stopAudit();
    revisions.unmount();
    await closeContributions();
    stopContactsList();
    contactsList.remove();
    saved?.stop();
    stopList();
    stopOwnView();
    ownView.remove();
    stopHeader();
    stopBanner();
    unmountExport();
    actions.remove();
    unmountFootnotes();
    silenceBanner.remove();
    toolbar.remove();
    panel.remove();
    // y-prosemirror 1.x dispatches deferred caret updates a tick later and checks a
    // `binding.isDestroyed` flag it never sets; a no-op dispatch keeps them off the destroyed view.
    view.setProps({ dispatchTransaction: () => {} });
    view.destroy();
    panelPlace.remove();
    await Promise.all(copies.map(closeRoomCopy));
  };
  // Signing out deletes the saved copies from the device; the page's own connections must let go first.
  const stopSignOutHook = beforeSignOut(async () => {
    const unsaved = copies.filter((copy) => copy.tracker.unsaved > 0).flatMap((copy) => (copy.local ? [copy.local.name] : []));
    await Promise.all(copies.map((copy) => copy.local?.destroy()));
    return unsaved;
  });
  let ended = false;
  const handlers: CloseHandlers = {
    reset: (message) => {
      if (ended) return;
      ended = true;
      // No reconnect may bring the refused copy back while it is cleared.
      for (const copy of copies) copy.stop();
      endCopyNotice(draftId, author, copies, message);
      void Promise.all(copies.map((copy) => copy.local?.clear())).then(onReset);
    },
    stop: (message) => {
      if (ended) return;
      ended = true;
      for (const copy of copies) copy.stop();
      endCopyNotice(draftId, author, copies, message);
    },
    reopen: (message) => {
      if (ended) return;
      ended = true;
      for (const copy of copies) copy.stop();
      endCopyNotice(draftId, author, copies, message);
      onReset();
    },
  };
  for (const copy of copies) watchCloses(copy, author, handlers);
  return close;
}

/** The draft's description from the server or, offline, as this device kept it; a message when neither. */
async function loadDraftAnswer(draftId: string): Promise<DraftAnswer | string> {
  let response: Response;
  try {
    response = await fetch(draftPath(draftId));
  } catch {
    return recallDraftInfo<DraftAnswer>(draftId) ?? unreachableMessage();
  }
  if (!response.ok) {
    if (response.status === 401 || response.status === 403 || response.status === 404) forgetDraftInfo(draftId);
    return errorMessageOf(response);
  }
  const answer = (await response.json()) as DraftAnswer;
  if (answer.me.role === Role.observer) forgetDraftInfo(draftId);
  else rememberDraftInfo(draftId, answer);
  return answer;
}

/** Opens draft `draftId` in `main`; the draft is opened again, as the server then describes it, after a reset. */
export async function openEditorPage(main: HTMLElement, draftId: string): Promise<void> {
  const first = await loadDraftAnswer(draftId);
  if (typeof first === "string") {
    main.textContent = first;
    return;
  }
  main.classList.add("editing");

  const place = document.createElement("article");
  place.className = "draft";
  main.replaceChildren(place);
  let closing: Promise<unknown> = Promise.resolve();
  let close: () => Promise<void> = async () => {};
  let firstAnswer: DraftAnswer | null = first;
  const open = () => {
    closing = closing.then(async () => {
      await close();
      place.replaceChildren();
      // Opened again after a reset or a closed floor, the member's part may have changed: ask the
      // server again (offline, the answer kept on the device serves).
      const answer = firstAnswer ?? (await loadDraftAnswer(draftId));
      firstAnswer = null;
      if (typeof answer === "string") {
        main.classList.remove("editing");
        main.textContent = answer;
        return;
      }
      const { me, draft } = answer;
      followSignOutsAs(me.role === Role.observer);
      setLocalText(document.getElementById("me")!, "pages.me", { name: me.name, role: me.role, state: me.state ?? "" });
      close = await openCopy(place, draftId, draft, me, open);
    });
  };
  open();
}
