import fc from "fast-check";
import * as Y from "yjs";
import { FloorRoot, MetaKey, TextRoot } from "../../shared/documentLayout";
import { PID_PATTERN } from "../../shared/pid";
import { STATE_CODE_PATTERN } from "../../shared/states";
import { checkPlainJson } from "../../schemas/checkPlainJson";
import type {
  Agreement,
  Anchor,
  Comment,
  ParagraphStatus,
  Progress,
  Proposal,
  ProposalDecision,
  Revision,
  SilenceProcedure,
  Stance,
} from "../../schemas/records";
import defs from "../../schemas/records/defs.schema.json";
import metaSchema from "../../schemas/records/meta.schema.json";
import { MAX_RECORD_BYTES, MAX_RECORD_DEPTH, RecordKind, recordKindOf, validateRecord } from "../../schemas/validateRecord";

// A tiny DSL: each builder gives a valid record, and overrides make the one thing a test is about.
const T = "2025-03-01T09:30:00Z";
const anchor = (over: Partial<Anchor> = {}): Anchor => ({
  pid: "p12",
  quote: "malicious ICT activities",
  prefix: "States should refrain from ",
  suffix: " against critical infrastructure",
  ...over,
});
const proposal = (over: Partial<Proposal> = {}): Proposal => ({
  kind: "replace",
  anchor: anchor(),
  text: "malicious use of ICTs",
  createdAt: T,
  ...over,
});
const stance = (over: Partial<Stance> = {}): Stance => ({ stance: "support", at: T, ...over });
const comment = (over: Partial<Comment> = {}): Comment => ({ pid: "p12", body: "We ask the Chair to retain this wording.", at: T, ...over });
const proposalDecision = (over: Partial<ProposalDecision> = {}): ProposalDecision => ({ decision: "accepted", at: T, ...over });
const agreement = (over: Partial<Agreement> = {}): Agreement => ({ at: T, fingerprint: "9f86d081884c7d65", ...over });
const silence = (over: Partial<SilenceProcedure> = {}): SilenceProcedure => ({
  pids: ["p12", "p13"],
  startedAt: T,
  deadline: "2025-03-04T09:30:00Z",
  ...over,
});
const revision = (over: Partial<Revision> = {}): Revision => ({ label: "Rev.1", date: "2025-03-01", at: T, ordinal: 1, numbers: { p12: "1", p13: "2" }, renumbered: {}, ...over });
const paragraphStatus = (over: Partial<ParagraphStatus> = {}): ParagraphStatus => ({ status: "objected", objectedBy: ["CUB"], ...over });
const progress = (over: Partial<Progress> = {}): Progress => ({ agreed: 37, total: 52, openProposals: 14, objected: 3, ...over });

/** The record with one field removed, to test a missing field. */
function without<R extends object>(record: R, field: keyof R): object {
  const copy = { ...record } as Record<string, unknown>;
  delete copy[field as string];
  return copy;
}

/** A record that fails the types on purpose. */
const loose = (record: object, over: Record<string, unknown>): unknown => ({ ...record, ...over });

/** Nests `leaf` inside `levels` objects. */
function nested(levels: number, leaf: unknown = null): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

function expectAccepted(root: string, key: string, value: unknown): void {
  expect(validateRecord(root, key, value)).toEqual({ ok: true });
}

function reasonOf(root: string, key: string, value: unknown): string {
  const check = validateRecord(root, key, value);
  if (check.ok) throw new Error(`expected ${root}[${key}] to be refused`);
  return check.reason;
}

const P = TextRoot.proposals;
const PK = "CUB:prop1";

describe("validateRecord", () => {
  describe("proposals", () => {
    it("accepts a replacement with positions", () => {
      expectAccepted(P, PK, proposal({ anchor: anchor({ start: "AQIDBA==", end: "BQYHCAk=" }), updatedAt: T, withdrawn: false }));
    });

    it("accepts an insertion, a new paragraph and deletions", () => {
      expectAccepted(P, PK, proposal({ kind: "insert", text: ", in accordance with international law," }));
      expectAccepted(P, PK, proposal({ kind: "newParagraph", text: "12 bis. States recall…" }));
      expectAccepted(P, PK, without(proposal({ kind: "delete" }), "text"));
      expectAccepted(P, PK, without(proposal({ kind: "deleteParagraph" }), "text"));
    });

    it("refuses an insertion without text, saying when text is required", () => {
      expect(reasonOf(P, PK, without(proposal({ kind: "insert" }), "text"))).toBe("proposal.text: required when kind is insert or replace or newParagraph");
    });

    it("refuses a deletion that carries text", () => {
      expect(reasonOf(P, PK, proposal({ kind: "delete" }))).toBe("proposal.text: not allowed when kind is delete or deleteParagraph");
    });

    it("refuses text over 5000 characters", () => {
      expect(reasonOf(P, PK, proposal({ text: "x".repeat(5001) }))).toBe("proposal.text: must NOT have more than 5000 characters");
    });

    it("refuses an unknown kind, listing the kinds", () => {
      expect(reasonOf(P, PK, loose(proposal(), { kind: "amend" }))).toContain("proposal.kind: must be one of insert, delete");
    });

    it("refuses a proposal without an anchor or a creation time", () => {
      expect(reasonOf(P, PK, without(proposal(), "anchor"))).toBe("proposal.anchor: required");
      expect(reasonOf(P, PK, without(proposal(), "createdAt"))).toBe("proposal.createdAt: required");
    });

    it("refuses fields of the wrong type", () => {
      expect(reasonOf(P, PK, loose(proposal(), { withdrawn: "yes" }))).toBe("proposal.withdrawn: must be boolean");
      expect(reasonOf(P, PK, loose(proposal(), { text: 12 }))).toBe("proposal.text: must be string");
      expect(reasonOf(P, PK, loose(proposal(), { anchor: "p12" }))).toBe("proposal.anchor: must be object");
    });

    it("refuses an anchor on a malformed pid", () => {
      expect(reasonOf(P, PK, proposal({ anchor: anchor({ pid: "p 12" }) }))).toMatch(/^proposal\.anchor\.pid: must be a paragraph id/);
      expect(reasonOf(P, PK, proposal({ anchor: anchor({ pid: "p".repeat(41) }) }))).toContain("proposal.anchor.pid");
    });

    it("refuses positions that are not base64 or are too long", () => {
      expect(reasonOf(P, PK, proposal({ anchor: anchor({ start: "not base64!" }) }))).toContain("proposal.anchor.start: must be base64");
      expect(reasonOf(P, PK, proposal({ anchor: anchor({ end: "AAAA".repeat(129) }) }))).toBe(
        "proposal.anchor.end: must NOT have more than 512 characters",
      );
    });

    it("refuses an oversized quote, prefix or suffix", () => {
      expect(reasonOf(P, PK, proposal({ anchor: anchor({ quote: "q".repeat(2001) }) }))).toContain("proposal.anchor.quote");
      expect(reasonOf(P, PK, proposal({ anchor: anchor({ prefix: "q".repeat(201) }) }))).toContain("proposal.anchor.prefix");
      expect(reasonOf(P, PK, proposal({ anchor: anchor({ suffix: "q".repeat(201) }) }))).toContain("proposal.anchor.suffix");
    });

    it("refuses times that are not ISO-8601 UTC", () => {
      for (const time of ["2025-03-01 09:30:00Z", "2025-03-01T09:30+01:00", "2025-13-01T09:30:00Z", "2025-03-01T24:00:00Z", "yesterday"]) {
        expect(reasonOf(P, PK, proposal({ createdAt: time }))).toContain("proposal.createdAt: must be an ISO-8601 UTC date-time");
      }
      expectAccepted(P, PK, proposal({ createdAt: "2025-03-01T09:30:00.123Z" }));
    });

    it("refuses unknown fields, at the top and inside the anchor", () => {
      expect(reasonOf(P, PK, loose(proposal(), { author: "CUB" }))).toBe("proposal.author: unknown field");
      expect(reasonOf(P, PK, proposal({ anchor: loose(anchor(), { colour: "red" }) as Anchor }))).toBe("proposal.anchor.colour: unknown field");
    });

    it("never echoes more than 80 characters of an unknown field's name", () => {
      const reason = reasonOf(P, PK, loose(proposal(), { ["k".repeat(10_000)]: 1 }));
      expect(reason).toContain("proposal.");
      expect(reason.length).toBeLessThan(120);
    });
  });

  describe("supports", () => {
    it("accepts exactly true", () => {
      expectAccepted(TextRoot.supports, "SLV:CUB:prop1", true);
    });

    it("refuses anything else", () => {
      for (const value of [false, "true", 1, {}, null]) expect(reasonOf(TextRoot.supports, "SLV:CUB:prop1", value)).toBe("support: must be true");
    });
  });

  describe("decisions", () => {
    const D = TextRoot.decisions;

    it("accepts each shape under its key prefix", () => {
      expectAccepted(D, "proposal:CUB:prop1", proposalDecision({ decision: "setAside", note: "To the Chair's summary." }));
      expectAccepted(D, "agreed:p12", agreement());
      expectAccepted(D, "agreed:p12", agreement({ fingerprint: "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg" }));
      expectAccepted(D, "silence:s1", silence({ note: "Silence until Tuesday noon." }));
      expectAccepted(D, "silence:s2", silence({ pids: "all" }));
      expectAccepted(D, "silence:s1", silence({ outcome: { settledAt: T, adopted: ["p12"], brokenBy: [{ state: "UZB", reason: "Needs capital's approval." }] } }));
      expectAccepted(D, "revision:rev1", revision());
    });

    it("refuses keys with no known prefix or no id", () => {
      expect(reasonOf(D, "verdict:p12", agreement())).toBe('decision: key "verdict:p12" has no known prefix');
      expect(reasonOf(D, "agreed:not a pid", agreement())).toBe('decision: key "agreed:not a pid" names no pid');
      expect(reasonOf(D, "proposal:", proposalDecision())).toContain("decision: key");
      expect(reasonOf(D, "silence:", silence())).toContain("decision: key");
    });

    it("checks the value against the shape its key selects", () => {
      expect(reasonOf(D, "silence:s1", agreement())).toBe("silenceProcedure.pids: required");
      expect(reasonOf(D, "agreed:p12", proposalDecision())).toBe("agreement.fingerprint: required");
    });

    it("refuses a proposal decision the chair cannot take", () => {
      expect(reasonOf(D, "proposal:CUB:prop1", loose(proposalDecision(), { decision: "deferred" }))).toContain("proposalDecision.decision: must be one of");
      expect(reasonOf(D, "proposal:CUB:prop1", proposalDecision({ note: "n".repeat(2001) }))).toContain("proposalDecision.note");
    });

    it("refuses a fingerprint that is too long or not hex or base64url", () => {
      expect(reasonOf(D, "agreed:p12", agreement({ fingerprint: "a".repeat(129) }))).toContain("agreement.fingerprint");
      expect(reasonOf(D, "agreed:p12", agreement({ fingerprint: "abc def" }))).toBe("agreement.fingerprint: must be a hex or base64url digest");
    });

    it("refuses a silence procedure over something other than pids or all", () => {
      expect(reasonOf(D, "silence:s1", loose(silence(), { pids: "some" }))).toBe('silenceProcedure.pids: must be a list of pids or "all"');
      expect(reasonOf(D, "silence:s1", silence({ pids: ["p 12"] }))).toContain("silenceProcedure.pids");
      expect(reasonOf(D, "silence:s1", silence({ pids: Array.from({ length: 5001 }, (_, i) => `p${i}`) }))).toContain("silenceProcedure.pids");
      expect(reasonOf(D, "silence:s1", without(silence(), "deadline"))).toBe("silenceProcedure.deadline: required");
    });

    it("refuses an outcome broken by something that is not a state", () => {
      const outcome = { settledAt: T, adopted: [], brokenBy: [{ state: "cub", reason: "" }] };
      expect(reasonOf(D, "silence:s1", silence({ outcome }))).toBe("silenceProcedure.outcome.brokenBy[0].state: must be a three-letter state code such as CUB");
      expect(reasonOf(D, "silence:s1", silence({ outcome: without(outcome, "brokenBy") as never }))).toContain("silenceProcedure.outcome.brokenBy");
    });

    it("refuses a revision label over 100 characters", () => {
      expect(reasonOf(D, "revision:rev1", revision({ label: "R".repeat(101) }))).toBe("revision.label: must NOT have more than 100 characters");
    });
  });

  describe("stances", () => {
    const S = FloorRoot.stances;

    it("accepts each stance, an objection with its reason", () => {
      expectAccepted(S, "CUB:p12", stance());
      expectAccepted(S, "CUB:p12", stance({ stance: "reserve", reason: "Ad referendum." }));
      expectAccepted(S, "CUB:p12", stance({ stance: "none" }));
      expectAccepted(S, "CUB:p12", stance({ stance: "object", reason: "The text goes beyond the mandate." }));
    });

    it("refuses an objection without a reason", () => {
      expect(reasonOf(S, "CUB:p12", stance({ stance: "object" }))).toBe("stance.reason: required when stance is object");
    });

    it("refuses an objection whose reason is blank", () => {
      expect(reasonOf(S, "CUB:p12", stance({ stance: "object", reason: " \n\t" }))).toBe("stance.reason: must be a non-blank string when stance is object");
    });

    it("refuses an unknown stance and an oversized reason", () => {
      expect(reasonOf(S, "CUB:p12", loose(stance(), { stance: "abstain" }))).toContain("stance.stance: must be one of object, reserve, support, none");
      expect(reasonOf(S, "CUB:p12", stance({ reason: "r".repeat(2001) }))).toBe("stance.reason: must NOT have more than 2000 characters");
    });

    it("refuses a stance without a time", () => {
      expect(reasonOf(S, "CUB:p12", without(stance(), "at"))).toBe("stance.at: required");
    });
  });

  describe("comments", () => {
    const C = FloorRoot.comments;

    it("accepts a bare comment and one on a proposal's range", () => {
      expectAccepted(C, "chair:c1", comment());
      expectAccepted(C, "SLV:c2", comment({ proposalId: "CUB:prop1", anchor: anchor({ start: "AQID", end: "BAUG" }), replyTo: "chair:c1", resolved: true }));
    });

    it("refuses an empty or oversized body", () => {
      expect(reasonOf(C, "SLV:c2", comment({ body: "" }))).toBe("comment.body: must NOT have fewer than 1 characters");
      expect(reasonOf(C, "SLV:c2", comment({ body: "b".repeat(10_001) }))).toBe("comment.body: must NOT have more than 10000 characters");
    });

    it("refuses a comment on no paragraph", () => {
      expect(reasonOf(C, "SLV:c2", without(comment(), "pid"))).toBe("comment.pid: required");
    });

    it("refuses an oversized reply reference and a bad anchor", () => {
      expect(reasonOf(C, "SLV:c2", comment({ replyTo: "r".repeat(201) }))).toContain("comment.replyTo");
      expect(reasonOf(C, "SLV:c2", comment({ anchor: without(anchor(), "quote") as Anchor }))).toBe("comment.anchor.quote: required");
    });
  });

  describe("points of contact", () => {
    const K = FloorRoot.contacts;
    const person = { name: "Ana Pérez", function: "Counsellor", email: "ana.perez@cuba-mission.example", phone: "+1 (212) 555-0101" };
    const contacts = (people: unknown[] = [person]) => ({ people, at: T });

    it("accepts a few people, each with a name and what else is known, under STATE:contacts", () => {
      expectAccepted(K, "CUB:contacts", contacts([person, { name: "Luis Gómez" }]));
      expectAccepted(K, "SLV:contacts", contacts([]));
    });

    it("refuses any other key", () => {
      expect(reasonOf(K, "CUB:c1", contacts())).toBe('contacts: key "CUB:c1" is not STATE:contacts');
      expect(reasonOf(K, "contacts", contacts())).toContain("is not STATE:contacts");
    });

    it("refuses a blank name, a bad address or number, and too many people", () => {
      expect(reasonOf(K, "CUB:contacts", contacts([{ name: "  " }]))).toContain("contacts.people[0].name");
      expect(reasonOf(K, "CUB:contacts", contacts([{ ...person, email: "ana at mission" }]))).toContain("contacts.people[0].email");
      expect(reasonOf(K, "CUB:contacts", contacts([{ ...person, phone: "call me" }]))).toContain("contacts.people[0].phone");
      expect(reasonOf(K, "CUB:contacts", contacts(Array.from({ length: 9 }, () => person)))).toContain("contacts.people");
      expect(reasonOf(K, "CUB:contacts", contacts([{ ...person, name: "n".repeat(121) }]))).toContain("contacts.people[0].name");
    });

    it("refuses unknown fields and a record without a time", () => {
      expect(reasonOf(K, "CUB:contacts", contacts([{ ...person, password: "x" }]))).toContain("unknown field");
      expect(reasonOf(K, "CUB:contacts", { people: [] })).toBe("contacts.at: required");
    });
  });

  describe("meta", () => {
    const M = TextRoot.meta;

    it("accepts a good value under every key", () => {
      expectAccepted(M, MetaKey.title, "Draft report of the Open-ended working group on security of ICTs");
      expectAccepted(M, MetaKey.symbol, "A/AC.292/2025/CRP.1");
      expectAccepted(M, MetaKey.revision, "Zero draft");
      expectAccepted(M, MetaKey.language, "es-419");
      expectAccepted(M, MetaKey.schemaVersion, 1);
    });

    it("has a schema for exactly the keys of MetaKey", () => {
      expect(Object.keys(metaSchema.properties).sort()).toEqual(Object.values(MetaKey).sort());
    });

    it("refuses unknown keys", () => {
      expect(reasonOf(M, "colour", "blue")).toBe("meta.colour: unknown field");
      expect(reasonOf(M, "__proto__", "x")).toContain("meta.__proto__: unknown field");
    });

    it("refuses bad values for known keys", () => {
      expect(reasonOf(M, MetaKey.title, "")).toBe("meta.title: must NOT have fewer than 1 characters");
      expect(reasonOf(M, MetaKey.title, "t".repeat(301))).toBe("meta.title: must NOT have more than 300 characters");
      expect(reasonOf(M, MetaKey.symbol, 42)).toBe("meta.symbol: must be string");
      expect(reasonOf(M, MetaKey.language, "Spanish!")).toContain("meta.language: must be a BCP 47 language tag");
      expect(reasonOf(M, MetaKey.schemaVersion, 0)).toBe("meta.schemaVersion: must be >= 1");
      expect(reasonOf(M, MetaKey.schemaVersion, 1.5)).toBe("meta.schemaVersion: must be integer");
      expect(reasonOf(M, MetaKey.schemaVersion, "1")).toBe("meta.schemaVersion: must be integer");
    });
  });

  describe("status", () => {
    const St = TextRoot.status;

    it("accepts a paragraph's status and the draft's progress", () => {
      expectAccepted(St, "p12", paragraphStatus());
      expectAccepted(St, "p13", paragraphStatus({ status: "open", changedSinceAgreed: true, objectedBy: [] }));
      expectAccepted(St, "progress", progress());
    });

    it("refuses a key that is neither progress nor a pid", () => {
      expect(reasonOf(St, "not a pid", paragraphStatus())).toBe('status: key "not a pid" is neither progress nor a pid');
    });

    it("refuses bad statuses and objectors", () => {
      expect(reasonOf(St, "p12", loose(paragraphStatus(), { status: "done" }))).toContain("paragraphStatus.status: must be one of");
      expect(reasonOf(St, "p12", paragraphStatus({ objectedBy: ["cub"] }))).toContain("paragraphStatus.objectedBy[0]: must be a three-letter state code");
    });

    it("refuses negative or fractional progress, and a paragraph status under the progress key", () => {
      expect(reasonOf(St, "progress", progress({ agreed: -1 }))).toBe("progress.agreed: must be >= 0");
      expect(reasonOf(St, "progress", progress({ total: 2.5 }))).toBe("progress.total: must be integer");
      expect(reasonOf(St, "progress", paragraphStatus())).toBe("progress.agreed: required");
    });

    it("accepts progress with no open proposals and no objections", () => {
      expectAccepted(St, "progress", progress({ agreed: 52, openProposals: 0, objected: 0 }));
    });

    it("refuses progress without its open proposals or objected paragraphs, or with bad counts of them", () => {
      expect(reasonOf(St, "progress", without(progress(), "openProposals"))).toBe("progress.openProposals: required");
      expect(reasonOf(St, "progress", without(progress(), "objected"))).toBe("progress.objected: required");
      expect(reasonOf(St, "progress", progress({ openProposals: -1 }))).toBe("progress.openProposals: must be >= 0");
      expect(reasonOf(St, "progress", progress({ objected: 0.5 }))).toBe("progress.objected: must be integer");
      expect(reasonOf(St, "progress", loose(progress(), { objectedBy: ["CUB"] }))).toBe("progress.objectedBy: unknown field");
    });
  });

  describe("roots", () => {
    it("knows the record kind of every map root and of no other", () => {
      expect(recordKindOf(TextRoot.proposals)).toBe(RecordKind.proposal);
      expect(recordKindOf(FloorRoot.comments)).toBe(RecordKind.comment);
      expect(recordKindOf(TextRoot.content)).toBeUndefined();
    });

    it("refuses records under content and unknown roots", () => {
      expect(reasonOf(TextRoot.content, "x", true)).toBe('record: root "content" holds no JSON records');
      expect(reasonOf("ballots", "x", true)).toBe('record: root "ballots" holds no JSON records');
    });

    it("writes the pid and state patterns as shared/ does", () => {
      expect(defs.definitions.pid.pattern).toBe(PID_PATTERN.source);
      expect(defs.definitions.stateCode.pattern).toBe(STATE_CODE_PATTERN.source);
    });
  });

  describe("hostile values", () => {
    it("refuses an own __proto__ key, as JSON.parse makes it", () => {
      const value = JSON.parse(`{"__proto__": {"x": 1}, "stance": "support", "at": "${T}"}`);
      expect(reasonOf(FloorRoot.stances, "CUB:p12", value)).toBe('record: forbidden key "__proto__" at .__proto__');
      const deep = JSON.parse(`{"kind": "delete", "createdAt": "${T}", "anchor": {"__proto__": {}, "pid": "p1", "quote": "", "prefix": "", "suffix": ""}}`);
      expect(reasonOf(P, PK, deep)).toBe('record: forbidden key "__proto__" at .anchor.__proto__');
    });

    it("refuses constructor and prototype keys", () => {
      expect(reasonOf(P, PK, loose(proposal(), { constructor: {} }))).toContain('forbidden key "constructor"');
      expect(reasonOf(P, PK, proposal({ anchor: loose(anchor(), { prototype: 1 }) as Anchor }))).toContain("at .anchor.prototype");
    });

    it("refuses an object whose prototype was changed", () => {
      const swapped = Object.setPrototypeOf(anchor(), { polluted: true }) as Anchor;
      expect(reasonOf(P, PK, proposal({ anchor: swapped }))).toBe("record: prototype is not a plain object at .anchor");
      expect(reasonOf(TextRoot.status, "progress", Object.assign(Object.create(null), progress()))).toBe(
        "record: prototype is not a plain object at the top level",
      );
      const pids = Object.setPrototypeOf(["p1"], Object.create(Array.prototype)) as string[];
      expect(reasonOf(TextRoot.decisions, "silence:s1", silence({ pids }))).toBe("record: prototype is not a plain array at .pids");
    });

    it("refuses a __proto__ key that came through Yjs's own decoding", () => {
      const sender = new Y.Doc();
      sender.getMap(TextRoot.proposals).set(PK, JSON.parse(`{"kind": "delete", "createdAt": "${T}", "anchor": {"__proto__": {"pid": "p1"}}}`));
      const receiver = new Y.Doc();
      Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender));
      const decoded = receiver.getMap(TextRoot.proposals).get(PK);
      expect(reasonOf(P, PK, decoded)).toBe("record: prototype is not a plain object at .anchor");
    });

    it(`refuses values nested deeper than ${MAX_RECORD_DEPTH} levels`, () => {
      expect(checkPlainJson(nested(MAX_RECORD_DEPTH))).toBeNull();
      expect(checkPlainJson(nested(MAX_RECORD_DEPTH + 1))).toContain(`record: nested deeper than ${MAX_RECORD_DEPTH} levels at .a.a`);
      expect(reasonOf(FloorRoot.comments, "SLV:c1", loose(comment(), { extra: nested(20) }))).toContain("nested deeper");
    });

    it("refuses a record over MAX_RECORD_BYTES, counting UTF-8 bytes", () => {
      expect(reasonOf(P, PK, proposal({ text: "x".repeat(MAX_RECORD_BYTES) }))).toBe(`record: larger than ${MAX_RECORD_BYTES} bytes`);
      // 25,000 euro signs are within a string limit of characters but 75,000 bytes.
      expect(reasonOf(FloorRoot.comments, "SLV:c1", comment({ body: "€".repeat(25_000) }))).toBe(`record: larger than ${MAX_RECORD_BYTES} bytes`);
    });

    it("refuses NaN and infinities", () => {
      expect(reasonOf(TextRoot.status, "progress", progress({ agreed: NaN }))).toBe("record: NaN is not a finite number at .agreed");
      expect(reasonOf(TextRoot.status, "progress", progress({ total: Infinity }))).toBe("record: Infinity is not a finite number at .total");
      expect(reasonOf(TextRoot.meta, MetaKey.schemaVersion, -Infinity)).toContain("-Infinity is not a finite number");
    });

    it("refuses functions, undefined, bigints and symbols", () => {
      expect(reasonOf(P, PK, loose(proposal(), { text: () => "x" }))).toBe("record: function is not a JSON value at .text");
      expect(reasonOf(P, PK, loose(proposal(), { updatedAt: undefined }))).toBe("record: undefined is not a JSON value at .updatedAt");
      expect(reasonOf(TextRoot.meta, MetaKey.schemaVersion, BigInt(1))).toContain("bigint is not a JSON value");
      expect(reasonOf(P, PK, { ...proposal(), [Symbol("s")]: 1 })).toContain("record: symbol key");
    });

    it("refuses Dates", () => {
      expect(reasonOf(P, PK, loose(proposal(), { createdAt: new Date() }))).toBe("record: prototype is not a plain object at .createdAt");
    });

    it("refuses getters and sparse arrays without running them", () => {
      let ran = false;
      const withGetter = Object.defineProperty(proposal(), "text", {
        enumerable: true,
        get: () => {
          ran = true;
          return "x";
        },
      });
      expect(reasonOf(P, PK, withGetter)).toBe("record: accessor property at .text");
      expect(ran).toBe(false);
      expect(reasonOf(TextRoot.decisions, "silence:s1", silence({ pids: ["p1", , "p3"] as string[] }))).toContain("at .pids");
    });

    it("answers with a reason instead of throwing on a proxy that throws", () => {
      const trap = new Proxy({}, { getPrototypeOf: () => { throw new Error("boom"); } });
      expect(reasonOf(P, PK, trap)).toContain("record:");
    });
  });

  describe("on arbitrary input", () => {
    const roots = [...Object.values(TextRoot), ...Object.values(FloorRoot), "unknown"];
    const keys = fc.oneof(fc.string(), fc.constantFrom(PK, "CUB:contacts", "agreed:p12", "silence:s1", "proposal:CUB:p1", "revision:r1", "progress", "p12", "title", "schemaVersion"));
    const answersWithoutThrowing = (root: string, key: string, value: unknown): void => {
      const check = validateRecord(root, key, value);
      if (!check.ok) {
        expect(typeof check.reason).toBe("string");
        expect(check.reason.length).toBeGreaterThan(0);
        expect(check.reason.length).toBeLessThan(400);
      }
    };

    it("never throws on any JSON value, for every root", () => {
      fc.assert(fc.property(fc.constantFrom(...roots), keys, fc.jsonValue(), answersWithoutThrowing), { numRuns: 500 });
    });

    it("never throws on any JavaScript value, for every root", () => {
      const anything = fc.anything({ withNullPrototype: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true, withBigInt: true });
      fc.assert(fc.property(fc.constantFrom(...roots), keys, anything, answersWithoutThrowing), { numRuns: 500 });
    });
  });
});
