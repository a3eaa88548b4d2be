/** Who may read which room and export which view: one rule, shared by the export route and the Export menu. */
import exportQuery from "../../schemas/rest/exportQuery.schema.json";
import { Room } from "../../shared/documentLayout";
import { EXPORT_FORMATS } from "../../shared/export/exportFormat";
import { ExportView } from "../../shared/export/exportModel";
import { EXPORT_VIEWS, exportViewsFor, mayExportView, mayReadRoom } from "../../shared/readPolicy";
import { Role, ROLES } from "../../shared/roles";

describe("the read policy", () => {
  it("lets everyone read the text, and observers the floor only where the draft allows", () => {
    for (const role of ROLES) expect(mayReadRoom(role, Room.text, false)).toBe(true);
    expect(mayReadRoom(Role.chair, Room.floor, false)).toBe(true);
    expect(mayReadRoom(Role.delegation, Room.floor, false)).toBe(true);
    expect(mayReadRoom(Role.observer, Room.floor, false)).toBe(false);
    expect(mayReadRoom(Role.observer, Room.floor, true)).toBe(true);
  });

  it("lets observers read the written contributions only by their own switch, apart from the floor", () => {
    for (const role of [Role.chair, Role.delegation]) expect(mayReadRoom(role, Room.contributions, false, false)).toBe(true);
    expect(mayReadRoom(Role.observer, Room.contributions, true, false)).toBe(false);
    expect(mayReadRoom(Role.observer, Room.contributions, false, true)).toBe(true);
    expect(mayReadRoom(Role.observer, Room.floor, false, true)).toBe(false);
  });

  it("lets an observer export the clean text, and the bracketed text and the compilation only where the floor is open to observers", () => {
    expect(exportViewsFor(Role.observer, false)).toEqual([ExportView.clean]);
    expect(exportViewsFor(Role.observer, true)).toEqual([ExportView.bracketed, ExportView.clean, ExportView.compilation]);
    expect(mayExportView(Role.observer, ExportView.bracketed, false)).toBe(false);
  });

  it("lets the chair and delegations export every view, whatever the policy", () => {
    for (const role of [Role.chair, Role.delegation]) {
      for (const allowed of [false, true]) expect(exportViewsFor(role, allowed)).toEqual([...EXPORT_VIEWS]);
    }
  });

  it("checks the export query against the same formats and views the page offers", () => {
    expect([...exportQuery.properties.format.enum].sort()).toEqual([...EXPORT_FORMATS].sort());
    expect([...exportQuery.properties.view.enum].sort()).toEqual(Object.values(ExportView).sort());
  });
});
