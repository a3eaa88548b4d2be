/** The page of one draft: its title, connection state and the editor on the `text` room. */
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MetaKey, Room, SCHEMA_VERSION, SYNC_PATH_PREFIX, TextRoot } from "../../shared/documentLayout";
import { SCHEMA_VERSION_PARAM } from "../../shared/syncProtocol";
import { bindConnectionIndicator } from "../connection/connectionIndicator";
import { createEditor } from "../editor/createEditor";

function socketBase(): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}${SYNC_PATH_PREFIX}`;
}

/** Opens draft `draftId` in `main`. */
export function openEditorPage(main: HTMLElement, draftId: string): void {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(`${socketBase()}/${draftId}`, Room.text, ydoc, {
    params: { [SCHEMA_VERSION_PARAM]: String(SCHEMA_VERSION) },
  });
  bindConnectionIndicator(document.getElementById("connection")!, provider);
  // Until sign-in exists every editor is a guest; the hue tells carets apart.
  provider.awareness.setLocalStateField("user", { name: "Guest", color: `hsl(${ydoc.clientID % 360} 60% 40%)` });

  const meta = ydoc.getMap(TextRoot.meta);
  const titleElement = document.getElementById("draft-title")!;
  meta.observe(() => {
    const title = meta.get(MetaKey.title);
    if (typeof title === "string") {
      titleElement.textContent = title;
      document.title = `${title} — Concord`;
    }
  });

  const place = document.createElement("article");
  place.className = "draft";
  main.replaceChildren(place);
  createEditor(place, ydoc.getXmlFragment(TextRoot.content), provider.awareness);
}
