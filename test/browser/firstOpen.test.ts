/**
 * Light on a bad line: the first open of a draft downloads the room's compressed snapshot over
 * HTTP, and the sync socket then carries only the difference, not the draft again.
 */
import type { Page } from "playwright-core";
import * as Y from "yjs";
import { Room } from "../../shared/documentLayout";
import { Role } from "../../shared/roles";
import { openDemo } from "../support/demo";

/** Counts the bytes `page` receives over the socket of `room`, from its first frame. */
function countReceived(page: Page, room: Room): { bytes: number } {
  const count = { bytes: 0 };
  page.on("websocket", (socket) => {
    if (!new URL(socket.url()).pathname.endsWith(`/${room}`)) return;
    socket.on("framereceived", ({ payload }) => (count.bytes += typeof payload === "string" ? payload.length : payload.byteLength));
  });
  return count;
}

describe("the first open of a draft", () => {
  it("loads the snapshot over HTTP and syncs only the difference over the socket", async () => {
    const { server, draft, member } = await openDemo();
    const stateBytes = Y.encodeStateAsUpdate((await server.rooms.open(draft.id, Room.text))!.document).byteLength;

    let received = { bytes: 0 };
    const chair = await member(Role.chair, undefined, (page) => (received = countReceived(page, Room.text)));
    const snapshots = await chair.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => name.includes("/snapshot")),
    );
    expect(snapshots.map((name) => new URL(name).pathname.split("/").slice(-2).join("/"))).toEqual(expect.arrayContaining(["text/snapshot", "floor/snapshot"]));
    await chair.waitForTimeout(300);
    const overSocket = received.bytes;
    console.info(`First open: the text room holds ${stateBytes} B; the socket carried ${overSocket} B`);
    expect(overSocket).toBeGreaterThan(0);
    expect(overSocket).toBeLessThan(stateBytes / 10);
  });
});
