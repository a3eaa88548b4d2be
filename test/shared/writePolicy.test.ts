import { FloorRoot, Room, TextRoot } from "../../shared/documentLayout";
import { Role, type Author } from "../../shared/roles";
import { writeRefusal } from "../../shared/writePolicy";

const chair: Author = { role: Role.chair };
const cuba: Author = { role: Role.delegation, state: "CUB" };
const observer: Author = { role: Role.observer };

describe("writeRefusal", () => {
  it("lets the chair write the text, meta, decisions and its own comments only", () => {
    expect(writeRefusal(chair, Room.text, TextRoot.content, null)).toBeNull();
    expect(writeRefusal(chair, Room.text, TextRoot.meta, "title")).toBeNull();
    expect(writeRefusal(chair, Room.text, TextRoot.decisions, "agreed:p1")).toBeNull();
    expect(writeRefusal(chair, Room.floor, FloorRoot.comments, "chair:c1")).toBeNull();
    expect(writeRefusal(chair, Room.floor, FloorRoot.comments, "CUB:c1")).toMatch(/chair/);
    expect(writeRefusal(chair, Room.text, TextRoot.proposals, "CUB:p1")).toMatch(/chair/);
    expect(writeRefusal(chair, Room.text, TextRoot.status, "p1")).toMatch(/server/);
  });

  it("lets a delegation write only keys of its own state", () => {
    for (const [room, root] of [[Room.text, TextRoot.proposals], [Room.text, TextRoot.supports], [Room.floor, FloorRoot.stances], [Room.floor, FloorRoot.comments]] as const) {
      expect(writeRefusal(cuba, room, root, "CUB:x1")).toBeNull();
      expect(writeRefusal(cuba, room, root, "SLV:x1")).toMatch(/CUB may not write SLV/);
      expect(writeRefusal(cuba, room, root, "CUBA:x1")).not.toBeNull();
      expect(writeRefusal(cuba, room, root, "CUB:")).toMatch(/malformed/);
    }
    expect(writeRefusal(cuba, Room.text, TextRoot.content, null)).toMatch(/chair/);
    expect(writeRefusal(cuba, Room.floor, FloorRoot.comments, "chair:c1")).not.toBeNull();
  });

  it("lets no client, the chair included, write or delete a published revision's record", () => {
    for (const author of [chair, cuba, observer]) expect(writeRefusal(author, Room.text, TextRoot.decisions, "revision:r1")).not.toBeNull();
    expect(writeRefusal(chair, Room.text, TextRoot.decisions, "revision:r1")).toBe("only the server writes a published revision, which never changes");
    expect(writeRefusal(chair, Room.text, TextRoot.decisions, "silence:s1")).toBeNull();
  });

  it("lets observers write nothing", () => {
    expect(writeRefusal(observer, Room.text, TextRoot.content, null)).toMatch(/observers/);
    expect(writeRefusal(observer, Room.floor, FloorRoot.comments, "CUB:c1")).toMatch(/observers/);
  });

  it("refuses roots a room does not hold, and keys where there should be none", () => {
    expect(writeRefusal(chair, Room.floor, TextRoot.content, null)).toMatch(/no root/);
    expect(writeRefusal(chair, Room.text, "__proto__", "x")).toMatch(/no root/);
    expect(writeRefusal(chair, Room.text, TextRoot.content, "key")).toMatch(/no keys/);
    expect(writeRefusal(cuba, Room.text, TextRoot.proposals, null)).toMatch(/keyed/);
  });
});
