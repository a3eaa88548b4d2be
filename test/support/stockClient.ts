/**
 * Stock Yjs clients: the unmodified `y-websocket` WebsocketProvider, as any Yjs application would
 * connect. BroadcastChannel is off so that clients in one process talk only through the server.
 */
import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import * as Y from "yjs";
import { Room, TextRoot } from "../../shared/documentLayout";
import type { ConcordServer } from "../../server/ConcordServer";
import { onTestEnd } from "./cleanup";
import { TOKEN_PARAM } from "../../server/identity/authenticate";
import { chairToken } from "./members";
import { syncBase } from "./testServer";
import { waitFor } from "./waitFor";

/** A stock provider and its document. */
export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The `content` fragment's paragraphs as plain strings. */
  paragraphs(): string[];
  destroy(): void;
}

/** How a stock client connects: which room, and with whose token (a new chair's by default). */
export interface StockClientOptions {
  room?: Room;
  token?: string;
  /** Wait for the first sync (default); off for clients expected to be refused. */
  waitForSync?: boolean;
  /** The longest wait between reconnection attempts (the provider's default is 2.5 s). */
  maxBackoffTime?: number;
}

/** Connects a stock provider to one room and waits until it has synced. */
export async function connectStockClient(server: ConcordServer, draftId: string, options: StockClientOptions = {}): Promise<StockClient> {
  const doc = new Y.Doc();
  const token = options.token ?? (await chairToken(server, draftId));
  const provider = new WebsocketProvider(syncBase(server, draftId), options.room ?? Room.text, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { [TOKEN_PARAM]: token },
    ...(options.maxBackoffTime === undefined ? {} : { maxBackoffTime: options.maxBackoffTime }),
  });
  const client: StockClient = {
    doc,
    provider,
    paragraphs: () => paragraphTexts(doc.getXmlFragment(TextRoot.content)),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  onTestEnd(() => client.destroy());
  if (options.waitForSync !== false) await waitFor(() => provider.synced, Boolean, { what: "the stock client to sync" });
  return client;
}

/** Plain text of each block of a `content` fragment, as a reader sees it: footnotes are markers, not text. */
export function paragraphTexts(fragment: Y.XmlFragment): string[] {
  return fragment.toArray().map((block) => blockText(block));
}

function blockText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return node.toDelta().map((op: { insert: unknown }) => (typeof op.insert === "string" ? op.insert : "")).join("");
  if (node instanceof Y.XmlElement && node.nodeName === "footnote") return "";
  if (node instanceof Y.XmlElement) return node.toArray().map((child) => blockText(child as Y.XmlElement | Y.XmlText)).join("");
  return "";
}

/** Inserts text at the start of block `index` of the fragment, as a stock client's user would type. */
export function typeAtStart(fragment: Y.XmlFragment, index: number, text: string): void {
  const block = fragment.get(index) as Y.XmlElement;
  const first = block.get(0);
  if (first instanceof Y.XmlText) first.insert(0, text);
  else block.insert(0, [new Y.XmlText(text)]);
}
