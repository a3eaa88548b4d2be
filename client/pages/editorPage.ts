/**
 * The page of one draft: title, connection state, who is present, and the editor on the `text`
 * room, editable only by those the write policy lets write the base text. When the server refuses
 * what this copy holds, the copy is thrown away and synced afresh.
 */
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { RESET_LOCAL_COPY_CODES } from "../../shared/closeCodes";
import { Room, SCHEMA_VERSION, SYNC_PATH_PREFIX, TextRoot } from "../../shared/documentLayout";
import { Role, type Author } from "../../shared/roles";
import { mayReadRoom } from "../../shared/readPolicy";
import { SCHEMA_VERSION_PARAM } from "../../shared/syncProtocol";
import { writeRefusal } from "../../shared/writePolicy";
import { closeMessage, FINAL_CLOSE_CODES } from "../connection/closeMessages";
import { bindConnectionIndicator } from "../connection/connectionIndicator";
import { clearNotice, NoticeKind, showNotice } from "../connection/notice";
import { bindPresenceList } from "../connection/presenceList";
import { bindSilenceBanner } from "../editor/consensus/silenceBanner";
import { createEditor } from "../editor/createEditor";
import { bindDelegationView } from "../editor/delegation/delegationView";
import { bindDraftHeader } from "../editor/draftHeader";
import { focusParagraph } from "../editor/focusParagraph";
import { askWords } from "../editor/proposals/askWords";
import { bindProposalList } from "../editor/proposals/proposalList";
import { mountProposalToolbar } from "../editor/proposals/proposalToolbar";

/** The signed-in member's part in the draft, from `GET /api/drafts/:id`. */
interface Me {
  name: string;
  role: Role;
  state: string | null;
}

function socketBase(): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}${SYNC_PATH_PREFIX}`;
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

/** The draft as `GET /api/drafts/:id` describes it. */
interface DraftInfo {
  observersReadFloor: boolean;
}

/** A provider for one room of the draft. */
function connectRoom(draftId: string, room: Room, ydoc: Y.Doc, me: Me): WebsocketProvider {
  return new WebsocketProvider(`${socketBase()}/${draftId}`, room, ydoc, {
    params: { [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) },
    // Observers keep no cross-tab channel (DESIGN.md section 6); the others may share one.
    disableBc: me.role === Role.observer,
  });
}

/** Tells the person why a room's connection closed, and throws the copy away when the server refused it. */
function watchCloses(provider: WebsocketProvider, onReset: () => void): void {
  provider.on("connection-close", (event: CloseEvent | null) => {
    if (!event) return;
    const message = closeMessage(event.code);
    const resets = RESET_LOCAL_COPY_CODES.has(event.code);
    if (message) showNotice(message, resets ? NoticeKind.untilDismissed : NoticeKind.untilSynced);
    if (FINAL_CLOSE_CODES.has(event.code)) provider.disconnect();
    else if (resets) onReset();
  });
  provider.on("sync", (synced: boolean) => {
    if (synced) clearNotice(NoticeKind.untilSynced);
  });
}

/** Opens one synced copy of the draft; returns the function that closes it. */
function openCopy(place: HTMLElement, draftId: string, draft: DraftInfo, me: Me, onReset: () => void): () => void {
  const ydoc = new Y.Doc();
  const provider = connectRoom(draftId, Room.text, ydoc, me);
  const floorDoc = mayReadRoom(me.role, Room.floor, draft.observersReadFloor) ? new Y.Doc() : null;
  const floorProvider = floorDoc ? connectRoom(draftId, Room.floor, floorDoc, me) : null;
  bindConnectionIndicator(document.getElementById("connection")!, provider);
  bindPresenceList(document.getElementById("presence")!, provider.awareness);
  provider.awareness.setLocalStateField("user", { name: me.name, color: caretColor(ydoc.clientID) });

  const stopHeader = bindDraftHeader(document.getElementById("draft-title")!, ydoc);

  // The page's own document, for tests and for anyone inspecting their own page; it grants nothing
  // the server does not check.
  (window as unknown as { concord?: { doc: Y.Doc } }).concord = { doc: ydoc };

  const author = authorOf(me);
  const proposals = { ydoc, author, report: (message: string) => showNotice(message, NoticeKind.untilDismissed), askWords, floorDoc };
  const writesText = writeRefusal(author, Room.text, TextRoot.content, null) === null;
  const panelPlace = document.createElement("aside");
  panelPlace.className = "paragraph-panel";
  place.after(panelPlace);
  const view = createEditor(place, { awareness: provider.awareness, writesText, proposals, panel: { place: panelPlace, floorDoc } });
  const toolbar = document.createElement("div");
  toolbar.className = "proposal-toolbar";
  place.before(toolbar);
  const silenceBanner = document.createElement("div");
  silenceBanner.className = "silence-banner";
  toolbar.before(silenceBanner);
  const stopBanner = bindSilenceBanner(silenceBanner, ydoc);
  mountProposalToolbar(toolbar, view);
  const panel = document.createElement("aside");
  panel.className = "proposal-list";
  panel.setAttribute("aria-label", "Proposals");
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
  }
  const close = () => {
    stopList();
    stopOwnView();
    ownView.remove();
    stopHeader();
    stopBanner();
    silenceBanner.remove();
    toolbar.remove();
    panel.remove();
    provider.destroy();
    floorProvider?.destroy();
    // y-prosemirror 1.x dispatches deferred caret updates a tick later and checks a
    // `binding.isDestroyed` flag it never sets; a no-op dispatch keeps them off the destroyed view.
    view.setProps({ dispatchTransaction: () => {} });
    view.destroy();
    panelPlace.remove();
    ydoc.destroy();
    floorDoc?.destroy();
  };
  watchCloses(provider, onReset);
  if (floorProvider) watchCloses(floorProvider, onReset);
  return close;
}

/** Opens draft `draftId` in `main`. */
export async function openEditorPage(main: HTMLElement, draftId: string): Promise<void> {
  const response = await fetch(`/api/drafts/${encodeURIComponent(draftId)}`);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    main.textContent = body.message ?? `The draft could not be opened (HTTP ${response.status}).`;
    return;
  }
  const { me, draft } = (await response.json()) as { me: Me; draft: DraftInfo };
  main.classList.add("editing");
  document.getElementById("me")!.textContent = me.state ? `${me.name} (${me.state})` : `${me.name} (${me.role})`;

  const place = document.createElement("article");
  place.className = "draft";
  main.replaceChildren(place);
  let close = () => {};
  const open = () => {
    close();
    place.replaceChildren();
    close = openCopy(place, draftId, draft, me, open);
  };
  open();
}
