/** Whether the server holds all of a copy: the test signing out uses before it deletes the copy. */
import * as Y from "yjs";
import { holdsAll } from "../../../client/offline/forgetDevice";

function synced(): { server: Y.Doc; local: Y.Doc } {
  const server = new Y.Doc();
  server.getMap("meta").set("title", "Draft");
  server.getText("words").insert(0, "open, secure and stable");
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
  return { server, local };
}

describe("holdsAll", () => {
  it("is true for a copy the server has all of, even when the server holds more", () => {
    const { server, local } = synced();
    expect(holdsAll(server, local)).toBe(true);
    server.getMap("meta").set("symbol", "A/AC.292/2025/CRP.1");
    expect(holdsAll(server, local)).toBe(true);
  });

  it("is false for a copy with an item the server lacks", () => {
    const { server, local } = synced();
    local.getMap("proposals").set("CUB:1", { text: "resilient" });
    expect(holdsAll(server, local)).toBe(false);
  });

  it("is false for a copy with a deletion the server lacks, which adds no item", () => {
    const { server, local } = synced();
    local.getText("words").delete(0, 6);
    expect(holdsAll(server, local)).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(holdsAll(server, local)).toBe(true);
  });
});
