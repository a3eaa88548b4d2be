import * as Y from "yjs";
import { describeServerWrite, describeWrite, MAX_WORDS_BYTES } from "../../../server/audit/describeWrite";
import type { UpdateFootprint } from "../../../server/guard/updateFootprint";
import { FloorRoot, TextRoot } from "../../../shared/documentLayout";

const at = "2026-11-23T09:00:00.000Z";
const anchor = { pid: "p7", start: "AQID", end: "BAUG", quote: "open", prefix: "an ", suffix: " ICT" };

/** A footprint that wrote `records` and deleted `deleted` (root, key pairs). */
function footprint(records: Array<{ root: string; key: string; value: unknown }>, deleted: Array<{ root: string; key: string }> = []): UpdateFootprint {
  return { touched: [...records, ...deleted].map(({ root, key }) => ({ root, key })), records, clientIds: new Set(), empty: false };
}

describe("what the audit keeps of a record write", () => {
  it("keeps what a record says, without encoded positions, and finds the paragraph it is about", () => {
    const doc = new Y.Doc();
    doc.getMap(TextRoot.proposals).set("CUB:x1", { kind: "replace", anchor, text: "free", createdAt: at });
    const { words, pids } = describeWrite(
      doc,
      footprint([
        { root: TextRoot.proposals, key: "CUB:x1", value: { kind: "replace", anchor, text: "free", createdAt: at } },
        { root: TextRoot.decisions, key: "proposal:CUB:x1", value: { decision: "accepted", at, applied: { kind: "words", anchor, previous: "open" } } },
        { root: FloorRoot.stances, key: "SLV:p9", value: { stance: "object", reason: "Too broad.", at } },
        { root: FloorRoot.comments, key: "chair:c1", value: { pid: "p8", body: "Noted.", at } },
      ], [{ root: TextRoot.supports, key: "UZB:CUB:x1" }]),
      [],
    );
    expect(words.records).toEqual([
      { root: TextRoot.proposals, key: "CUB:x1", value: { kind: "replace", anchor: { pid: "p7", quote: "open" }, text: "free", createdAt: at } },
      { root: TextRoot.decisions, key: "proposal:CUB:x1", value: { decision: "accepted", at, applied: { kind: "words", anchor: { pid: "p7", quote: "open" }, previous: "open" } } },
      { root: FloorRoot.stances, key: "SLV:p9", value: { stance: "object", reason: "Too broad.", at } },
      { root: FloorRoot.comments, key: "chair:c1", value: { pid: "p8", body: "Noted.", at } },
      { root: TextRoot.supports, key: "UZB:CUB:x1", value: null },
    ]);
    expect(pids.sort()).toEqual(["p7", "p8", "p9"]);
  });

  it("leaves out what would make one entry larger than it keeps, and says how many", () => {
    const body = "b".repeat(10_000);
    const records = Array.from({ length: 30 }, (_, index) => ({ root: FloorRoot.comments, key: `CUB:c${index}`, value: { pid: "p1", body, at } }));
    const { words } = describeWrite(new Y.Doc(), footprint(records), []);
    expect(JSON.stringify(words).length).toBeLessThan(MAX_WORDS_BYTES + 1000);
    expect(words.records!.length + words.omitted!).toBe(30);
    expect(words.omitted).toBeGreaterThan(0);
  });

  it("reads the server's own change from its transaction: each key it wrote, with the value now", () => {
    const doc = new Y.Doc();
    const transaction = doc.transact((current) => {
      doc.getMap(TextRoot.status).set("p3", { status: "objected", objectedBy: ["CUB"] });
      doc.getMap(TextRoot.status).set("progress", { agreed: 0, total: 4, openProposals: 0, objected: 1 });
      return current;
    });
    const described = describeServerWrite(doc, transaction);
    expect(described.touched).toEqual([{ root: TextRoot.status, key: "p3" }, { root: TextRoot.status, key: "progress" }]);
    expect(described.words.records?.[0]).toEqual({ root: TextRoot.status, key: "p3", value: { status: "objected", objectedBy: ["CUB"] } });
    expect(described.pids).toEqual(["p3"]);
  });

  it("files a silence procedure on the whole draft, and the server's outcome of it, under every paragraph it covers", () => {
    const doc = new Y.Doc();
    const procedure = { pids: "all", startedAt: at, deadline: at, fingerprints: { p1: "aa", p2: "bb", p3: "cc" } };
    doc.getMap(TextRoot.decisions).set("silence:s1", procedure);
    const started = describeWrite(doc, footprint([{ root: TextRoot.decisions, key: "silence:s1", value: procedure }]), []);
    expect(started.pids.sort()).toEqual(["p1", "p2", "p3"]);
    expect(started.words.records?.[0]?.value).not.toHaveProperty("fingerprints");
    const transaction = doc.transact((current) => {
      doc.getMap(TextRoot.decisions).set("agreed:p2", { at, fingerprint: "bb" });
      doc.getMap(TextRoot.decisions).set("silence:s1", { ...procedure, outcome: { settledAt: at, adopted: ["p2"], brokenBy: [{ state: "SLV", reason: "Not yet." }] } });
      return current;
    });
    expect(describeServerWrite(doc, transaction).pids.sort()).toEqual(["p1", "p2", "p3"]);
  });
});
