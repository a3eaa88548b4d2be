/**
 * The presence channel's messages read back as they were written, and a malformed one is a
 * `RangeError` that says what is wrong, never a state applied half-read.
 */
import * as encoding from "lib0/encoding";
import { decodePresenceMessage, encodePresenceMessage, type PresenceMessage } from "../../../server/cluster/presenceMessages";

const states: PresenceMessage = {
  kind: "states",
  from: "process-a",
  entries: [
    { clientId: 4_000_000_001, clock: 7, json: JSON.stringify({ cursor: "here", user: { name: "Cuba", role: "delegation", state: "CUB" } }), principal: "state:CUB" },
    { clientId: 12, clock: 3, json: "null", principal: "chair" },
  ],
};

/** Bytes written by hand: a sender, a kind, then whatever `rest` writes. */
function handWritten(kind: number, rest: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, "process-b");
  encoding.writeUint8(encoder, kind);
  rest(encoder);
  return encoding.toUint8Array(encoder);
}

describe("presence messages", () => {
  it.each<PresenceMessage>([states, { kind: "query", from: "process-b" }, { kind: "observers", from: "process-c", count: 3 }])("reads back a message of kind $kind", (message) => {
    expect(decodePresenceMessage(encodePresenceMessage(message))).toEqual(message);
  });

  it("refuses a message cut short", () => {
    const bytes = encodePresenceMessage(states);
    expect(() => decodePresenceMessage(bytes.subarray(0, bytes.byteLength - 4))).toThrow(new RangeError(`A presence message of ${bytes.byteLength - 4} bytes cannot be read`));
    expect(() => decodePresenceMessage(new Uint8Array())).toThrow(RangeError);
  });

  it("refuses a message with bytes to spare", () => {
    const bytes = encodePresenceMessage({ kind: "query", from: "process-b" });
    expect(() => decodePresenceMessage(new Uint8Array([...bytes, 0]))).toThrow(/1 bytes too many/);
  });

  it("refuses an unknown kind", () => {
    expect(() => decodePresenceMessage(handWritten(9))).toThrow(new RangeError("Unknown presence message kind 9"));
  });

  it("refuses a state that is not a JSON object or null", () => {
    const entry = (json: string) =>
      handWritten(0, (encoder) => {
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarUint(encoder, 5);
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarString(encoder, json);
        encoding.writeVarString(encoder, "chair");
      });
    expect(() => decodePresenceMessage(entry("{not json"))).toThrow(/not JSON/);
    expect(() => decodePresenceMessage(entry("[1,2]"))).toThrow(/an object or null/);
    expect(() => decodePresenceMessage(entry('"text"'))).toThrow(/an object or null/);
    expect(decodePresenceMessage(entry("{}"))).toMatchObject({ kind: "states", entries: [{ clientId: 5, json: "{}" }] });
  });
});
