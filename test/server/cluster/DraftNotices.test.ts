/**
 * Draft notices over a real Redis (issue 16): what one process announces, the others hear, and the
 * sender does not; a malformed notice is refused with a reason, never taken for a draft.
 */
import { RedisBus } from "../../../server/cluster/RedisBus";
import { DraftChange, DraftNotices, decodeNotice, encodeNotice } from "../../../server/cluster/DraftNotices";
import { draftNoticesChannel } from "../../../server/cluster/redisChannels";
import { onTestEnd } from "../../support/cleanup";
import { startRedis } from "../../support/redis";
import { waitFor } from "../../support/waitFor";

async function bus(url: string): Promise<RedisBus> {
  const opened = await RedisBus.open(url);
  onTestEnd(() => opened.close());
  return opened;
}

describe("draft notices", () => {
  it("reach the other processes, not the sender", async () => {
    const { url } = await startRedis();
    const here = new DraftNotices(await bus(url));
    const there = new DraftNotices(await bus(url));
    const heardHere: string[] = [];
    const heardThere: string[] = [];
    await here.listen((change, draftId) => heardHere.push(`${change}:${draftId}`));
    await there.listen((change, draftId) => heardThere.push(`${change}:${draftId}`));
    await here.announce(DraftChange.rooms, "draft-a");
    await here.announce(DraftChange.deadlines, "draft-b");
    await waitFor(() => heardThere.length, (count) => count === 2, { what: "both notices there" });
    expect(heardThere).toEqual([`${DraftChange.rooms}:draft-a`, `${DraftChange.deadlines}:draft-b`]);
    expect(heardHere).toEqual([]);
  });

  it("refuses a malformed notice with a reason and passes nothing on", async () => {
    expect(decodeNotice(encodeNotice({ sender: "s", change: DraftChange.rooms, draftId: "d" }))).toEqual({ sender: "s", change: DraftChange.rooms, draftId: "d" });
    expect(() => decodeNotice(new Uint8Array([9, 1, 115, 1, 100]))).toThrow(new RangeError("Unknown draft notice kind 9"));
    expect(() => decodeNotice(new Uint8Array([0]))).toThrow(/too short/);

    const { url } = await startRedis();
    const sender = await bus(url);
    const errors: unknown[] = [];
    const heard: string[] = [];
    await new DraftNotices(await bus(url), (error) => errors.push(error)).listen((_change, draftId) => heard.push(draftId));
    await sender.publish(draftNoticesChannel(), new Uint8Array([7, 7, 7]));
    await waitFor(() => errors.length, (count) => count === 1, { what: "the bad notice reported" });
    expect(heard).toEqual([]);
  });
});
