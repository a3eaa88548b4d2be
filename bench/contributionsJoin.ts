/**
 * Issue 18, acceptance 4: what a reader downloads on joining a draft's `text` room (the gzipped
 * snapshot over HTTP, then the socket's difference), with no written contributions and with ten
 * ten-page ones in the draft's `contributions` room; and what joining that room costs its readers.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { submitContribution } from "../shared/contributions/contributionWrites";
import { Room } from "../shared/documentLayout";
import { Role } from "../shared/roles";
import { Drafts } from "../server/drafts/Drafts";
import { CredentialKind } from "../server/identity/IdentityStore";
import { hashSecret, newSecret } from "../server/identity/secrets";
import { SqliteStorage } from "../server/storage/SqliteStorage";
import { BenchClient } from "./benchClient";
import { largeDraft } from "./join";
import { serveConcord } from "./servers";

/** The draft's size: the pre-draft of an OEWG round is a few hundred paragraphs. */
export const CONTRIBUTIONS_DRAFT_PARAGRAPHS = 500;

const WORDS = (
  "the delegation considers regular institutional dialogue should build consensus reports group states capacity building " +
  "international law applies cyberspace sovereignty due diligence confidence measures programme action open ended working " +
  "mechanism inclusive transparent practical implementation norms rules principles responsible behaviour threats critical infrastructure"
).split(" ");

/** About one page of a statement (3,000 characters) of words in a varied order, which compress as prose does rather than as a repeated line. */
function page(seed: number): string {
  let state = seed;
  const words: string[] = [];
  let length = 0;
  while (length < 3000) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const word = WORDS[state % WORDS.length]!;
    words.push(word);
    length += word.length + 1;
  }
  return `${words.join(" ")}.`;
}

/** The bytes of one join of each room, with and without the contributions. */
export interface ContributionsJoinResult {
  textBytesWithout: number;
  textBytesWith: number;
  contributionsBytes: number;
  contributionCharacters: number;
}

/** Bytes a fresh client receives joining `room`: the room's snapshot as sent, then the socket. */
async function joinBytes(base: string, port: number, draftId: string, room: Room, token: string): Promise<number> {
  const response = await fetch(`${base}/api/drafts/${draftId}/rooms/${room}/snapshot`, { headers: { authorization: `Bearer ${token}`, "accept-encoding": "gzip" } });
  const wire = Number(response.headers.get("content-length") ?? 0);
  const state = new Uint8Array(await response.arrayBuffer());
  const client = await BenchClient.connect({ url: `ws://127.0.0.1:${port}/sync/${draftId}/${room}?token=${token}` }, state);
  client.close();
  return wire + client.bytesReceived;
}

/** Ten ten-page contributions, each with a translation, by as many states, as one update; and their characters. */
function tenContributions(): { update: Uint8Array; characters: number } {
  const doc = new Y.Doc();
  let characters = 0;
  ["CUB", "SLV", "UZB", "BRA", "IND", "ZAF", "EGY", "MEX", "IDN", "KEN"].forEach((state, index) => {
    const text = (offset: number) => Array.from({ length: 10 }, (_, n) => page(index * 100 + n + offset)).join("\n\n");
    const original = text(0);
    const translation = text(50);
    characters += original.length + translation.length;
    submitContribution(doc, state, {}, { original: { language: "es", text: original }, translation: { language: "en", text: translation } });
  });
  return { update: Y.encodeStateAsUpdate(doc), characters };
}

/**
 * The scenario: one draft served, joined; the server stopped, ten ten-page contributions added to
 * its `contributions` room, served again and joined again, so the `text` room is the same both times.
 */
export async function contributionsJoinScenario(): Promise<ContributionsJoinResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-contributions-"));
  try {
    let storage = new SqliteStorage(dataDir);
    const drafts = new Drafts(storage);
    const user = await storage.identity.createUser("Bench chair");
    const token = newSecret();
    await storage.identity.storeCredential({ hash: hashSecret(token), kind: CredentialKind.token, userId: user.id, membershipId: null, createdAt: new Date().toISOString(), expiresAt: null });
    const draft = await drafts.create({ title: "Bench pre-draft", doc: largeDraft(CONTRIBUTIONS_DRAFT_PARAGRAPHS) });
    await storage.identity.addMembership({ draftId: draft.id, userId: user.id, role: Role.chair, state: null });
    await storage.close();

    let server = await serveConcord(dataDir);
    const textBytesWithout = await joinBytes(server.base, server.port, draft.id, Room.text, token);
    await server.stop();

    storage = new SqliteStorage(dataDir);
    const { update, characters } = tenContributions();
    await storage.appendUpdate(draft.id, Room.contributions, update);
    await storage.close();
    server = await serveConcord(dataDir);
    try {
      const textBytesWith = await joinBytes(server.base, server.port, draft.id, Room.text, token);
      const contributionsBytes = await joinBytes(server.base, server.port, draft.id, Room.contributions, token);
      return { textBytesWithout, textBytesWith, contributionsBytes, contributionCharacters: characters };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The report's lines for the scenario. */
export function contributionsJoinSection(result: ContributionsJoinResult): string[] {
  return [
    "## Joining the text with written contributions present (issue 18)",
    "",
    `A ${CONTRIBUTIONS_DRAFT_PARAGRAPHS}-paragraph draft; a fresh reader joins its \`text\` room (gzipped snapshot, then the socket's difference).`,
    "",
    "| written contributions | bytes to join `text` | bytes to join `contributions` |",
    "| --- | ---: | ---: |",
    `| none | ${result.textBytesWithout} | — |`,
    `| ten of ten pages, each with a translation (${result.contributionCharacters} characters) | ${result.textBytesWith} | ${result.contributionsBytes} |`,
  ];
}
