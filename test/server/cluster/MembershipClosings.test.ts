/**
 * The memberships channel (issue 16): a notice's bytes, and what a process does when it hears one —
 * it closes its sockets of the membership only when the stored membership no longer admits them,
 * and drops a malformed notice without closing anything.
 */
import { Redis } from "ioredis";
import { CloseCode } from "../../../shared/closeCodes";
import { Room } from "../../../shared/documentLayout";
import { Role } from "../../../shared/roles";
import { decodeMembershipNotice, encodeMembershipNotice } from "../../../server/cluster/MembershipClosings";
import { membershipsChannel } from "../../../server/cluster/redisChannels";
import { openRaw } from "../../support/attacker";
import { onTestEnd } from "../../support/cleanup";
import { clusterEngines, startClusterServer } from "../../support/cluster";
import { doc, p } from "../../support/dsl";
import { invite } from "../../support/members";

describe("a membership notice's bytes", () => {
  it("carry the membership and the close code", () => {
    const notice = { membershipId: "m-42", cause: CloseCode.accessRevoked };
    expect(decodeMembershipNotice(encodeMembershipNotice(notice))).toEqual(notice);
  });

  it("refuse a malformed notice with the reason", () => {
    expect(() => decodeMembershipNotice(new Uint8Array([]))).toThrow(/does not decode/);
    expect(() => decodeMembershipNotice(encodeMembershipNotice({ membershipId: "", cause: CloseCode.accessRevoked }))).toThrow(/names no membership/);
    expect(() => decodeMembershipNotice(encodeMembershipNotice({ membershipId: "m-42", cause: { code: 1000, reason: "normal" } as unknown as CloseCode }))).toThrow(/unknown close code 1000/);
  });
});

describe("a process hearing a membership notice", () => {
  it("closes its sockets of the membership only once the stored membership no longer admits them, and ignores a malformed notice", async () => {
    const engines = await clusterEngines();
    const server = await startClusterServer(engines);
    const draft = await server.drafts.create({ title: "Notices", doc: doc(p("The Group recalled its mandate.")) });
    const cub = await invite(server, draft.id, Role.delegation, "CUB");
    const socket = await openRaw(server, draft.id, Room.text, cub.token);
    const publisher = new Redis(engines.redisUrl);
    onTestEnd(() => publisher.disconnect());
    const notice = Buffer.from(encodeMembershipNotice({ membershipId: cub.membership.id, cause: CloseCode.accessRevoked }));

    await publisher.publish(membershipsChannel(), Buffer.from([0xff, 0xff]));
    await publisher.publish(membershipsChannel(), notice);
    expect(await socket.verdict(500)).toBeNull();

    await server.storage.identity.revokeMembership(cub.membership.id);
    await publisher.publish(membershipsChannel(), notice);
    expect((await socket.verdict(5000))?.code).toBe(CloseCode.accessRevoked.code);
  });
});
