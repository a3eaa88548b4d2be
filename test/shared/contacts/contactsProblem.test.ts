import fc from "fast-check";
import type { Contact } from "../../../schemas/records";
import { validateRecord } from "../../../schemas/validateRecord";
import { contactsKey, contactsProblem } from "../../../shared/contacts/contactWrites";
import { FloorRoot } from "../../../shared/documentLayout";

const AT = "2025-03-04T09:00:00.000Z";
const serverAccepts = (people: Contact[]) => validateRecord(FloorRoot.contacts, contactsKey("CUB"), { people, at: AT }).ok;

const field = fc.oneof(
  fc.constantFrom("", " ", "Ana Pérez", "Counsellor", "ana@mission.example", "ana@", "+53 7 555 0100", "12", "x".repeat(121), "y".repeat(255)),
  fc.string({ maxLength: 50 }),
);
const person = fc.record({ name: field, function: field, email: field, phone: field }, { requiredKeys: [] }).map((fields) => ({ ...fields }) as Contact);

describe("contactsProblem, the page's check of points of contact", () => {
  it("refuses exactly what the server's record schema refuses", () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 10 }), (people) => {
        expect(contactsProblem(people) === null).toBe(serverAccepts(people));
      }),
      { numRuns: 2000 },
    );
  });

  it("names the field and the problem", () => {
    expect(contactsProblem([{ name: "Ana", email: "ana@" }])).toMatchObject({
      reason: "contact-field-invalid",
      values: { person: 1, field: "email" },
      message: "contacts.people[0].email: must be an e-mail address such as name@mission.example",
    });
  });
});
