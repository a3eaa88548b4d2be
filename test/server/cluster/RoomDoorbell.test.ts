/**
 * The doorbell over a real Redis (issue 16): a ring reaches every process listening to the room and
 * no other room; a small update rides with its ring, a large one does not; a malformed ring is
 * reported, not delivered; after Redis drops the connection, listeners are told to check their heads
 * and hear rings again.
 */
import { Redis } from "ioredis";
import { Room } from "../../../shared/documentLayout";
import { decodeRing, encodeRing, MAX_RUNG_UPDATE_BYTES, RoomDoorbell } from "../../../server/cluster/RoomDoorbell";
import { doorbellChannel } from "../../../server/cluster/redisChannels";
import { startRedis } from "../../support/redis";
import { waitFor } from "../../support/waitFor";

const opened: RoomDoorbell[] = [];
async function doorbell(url: string, onBadRing?: (channel: string, error: unknown) => void): Promise<RoomDoorbell> {
  const bell = await RoomDoorbell.open(url, onBadRing);
  opened.push(bell);
  return bell;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((bell) => bell.close()));
});

describe("a ring's bytes", () => {
  it("carry the sequence number, and the update only when it is small", () => {
    const small = new Uint8Array([1, 2, 3]);
    expect(decodeRing(encodeRing(42, small))).toEqual({ seq: 42, update: small });
    expect(decodeRing(encodeRing(2 ** 40, new Uint8Array(MAX_RUNG_UPDATE_BYTES + 1)))).toEqual({ seq: 2 ** 40, update: null });
    expect(decodeRing(encodeRing(7, null))).toEqual({ seq: 7, update: null });
  });

  it("refuse a malformed ring with the reason", () => {
    expect(() => decodeRing(new Uint8Array([1]))).toThrow(/too short/);
    expect(() => decodeRing(new Uint8Array([9, 1]))).toThrow(/Unknown ring kind 9/);
  });
});

describe("RoomDoorbell", () => {
  it("rings every process listening to the room, and only that room", async () => {
    const { url } = await startRedis();
    const a = await doorbell(url);
    const b = await doorbell(url);
    const heardB: Array<[number, number[] | null]> = [];
    const heardOther: number[] = [];
    await b.listen("d1", Room.text, (seq, update) => heardB.push([seq, update ? Array.from(update) : null]));
    await b.listen("d1", Room.floor, (seq) => heardOther.push(seq));
    await b.listen("d2", Room.text, (seq) => heardOther.push(seq));
    await a.ring("d1", Room.text, 5, new Uint8Array([9, 9]));
    await a.ring("d1", Room.text, 6, new Uint8Array(MAX_RUNG_UPDATE_BYTES + 1));
    await waitFor(() => heardB.length === 2);
    expect(heardB).toEqual([
      [5, [9, 9]],
      [6, null],
    ]);
    expect(heardOther).toEqual([]);
  });

  it("stops delivering to a listener that stopped, and keeps the others", async () => {
    const { url } = await startRedis();
    const bell = await doorbell(url);
    const first: number[] = [];
    const second: number[] = [];
    const stopFirst = await bell.listen("d1", Room.text, (seq) => first.push(seq));
    await bell.listen("d1", Room.text, (seq) => second.push(seq));
    await stopFirst();
    await bell.ring("d1", Room.text, 1, null);
    await waitFor(() => second.length === 1);
    expect(first).toEqual([]);
  });

  it("reports a malformed message on a room's channel instead of delivering it", async () => {
    const { url } = await startRedis();
    const problems: string[] = [];
    const bell = await doorbell(url, (channel, error) => problems.push(`${channel}: ${(error as Error).message}`));
    const heard: number[] = [];
    await bell.listen("d1", Room.text, (seq) => heard.push(seq));
    const stranger = new Redis(url);
    await stranger.publish(doorbellChannel("d1", Room.text), Buffer.from([7]));
    await stranger.quit();
    await waitFor(() => problems.length === 1);
    expect(problems[0]).toMatch(/too short/);
    expect(heard).toEqual([]);
  });

  it("tells listeners to check their heads when Redis comes back, and rings reach them again", async () => {
    const { url } = await startRedis();
    const a = await doorbell(url);
    const b = await doorbell(url);
    let reconnects = 0;
    b.onReconnect(() => (reconnects += 1));
    const heard: number[] = [];
    await b.listen("d1", Room.text, (seq) => heard.push(seq));
    const admin = new Redis(url);
    // Redis drops every subscriber's connection, as a restart would.
    await admin.call("CLIENT", "KILL", "TYPE", "pubsub");
    await admin.quit();
    await waitFor(() => reconnects === 1);
    // Its subscription is renewed just after; until then a ring is lost, which is what the head check is for.
    await waitFor(async () => {
      await a.ring("d1", Room.text, 3, null);
      return heard.includes(3);
    });
  });
});
