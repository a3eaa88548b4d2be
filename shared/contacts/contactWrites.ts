/**
 * Each delegation's points of contact (name, function, e-mail, phone), one record per state in the
 * `floor` room: the delegation writes its own, and the chair and the other members read them all.
 */
import type * as Y from "yjs";
import type { Contact, Contacts } from "../../schemas/records";
import contactsSchema from "../../schemas/records/contacts.schema.json";
import { FloorRoot } from "../documentLayout";
import { LocalRefusal } from "../LocalRefusal";
import { CONTACTS_ID, parseRecordKey, recordKey } from "../recordKeys";

/** People one delegation lists: the record schema's limit, written there once. */
export const MAX_CONTACTS: number = contactsSchema.properties.people.maxItems;

/** The key of state `state`'s points of contact. */
export function contactsKey(state: string): string {
  return recordKey(state, CONTACTS_ID);
}

/** The rules of one field of a person, as the record schema writes them. */
interface FieldRule {
  description?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

const FIELD_RULES = Object.entries(contactsSchema.definitions.person.properties as Record<keyof Contact, FieldRule>).map(
  ([field, rule]) => ({ field: field as keyof Contact, rule, pattern: rule.pattern === undefined ? null : new RegExp(rule.pattern) }),
);

/**
 * Why the server would refuse `people`, read off the record schema's own limits and patterns, or
 * null. The page checks here rather than loading a JSON Schema validator: the server still checks
 * the whole record against the schema.
 */
export function contactsProblem(people: readonly Contact[]): LocalRefusal | null {
  if (people.length > MAX_CONTACTS) return new LocalRefusal("too-many-contacts", { limit: MAX_CONTACTS }, `contacts.people: must NOT have more than ${MAX_CONTACTS} items`);
  for (const [index, person] of people.entries()) {
    for (const { field, rule, pattern } of FIELD_RULES) {
      const value = person[field];
      const where = `contacts.people[${index}].${field}`;
      const values = { person: index + 1, field };
      if (value === undefined) {
        if (contactsSchema.definitions.person.required.includes(field)) return new LocalRefusal("contact-field-required", values, `${where}: required`);
        continue;
      }
      if (rule.minLength !== undefined && value.length < rule.minLength) {
        const english = `${where}: must NOT have fewer than ${rule.minLength} characters`;
        // An empty field a person left out is a missing one to them, whatever the schema counts.
        return value.length === 0 ? new LocalRefusal("contact-field-required", values, english) : new LocalRefusal("contact-field-too-short", { ...values, limit: rule.minLength }, english);
      }
      if (rule.maxLength !== undefined && value.length > rule.maxLength) {
        return new LocalRefusal("contact-field-too-long", { ...values, limit: rule.maxLength }, `${where}: must NOT have more than ${rule.maxLength} characters`);
      }
      if (pattern && !pattern.test(value)) return new LocalRefusal("contact-field-invalid", values, `${where}: must be ${rule.description ?? `like ${rule.pattern}`}`);
    }
  }
  return null;
}

/** A contact as typed in a form: fields trimmed, empty ones left out. */
function tidy(contact: Contact): Contact {
  const tidied: Contact = { name: contact.name.trim() };
  for (const field of ["function", "email", "phone"] as const) {
    const value = contact[field]?.trim();
    if (value) tidied[field] = value;
  }
  return tidied;
}

/**
 * Replaces state `state`'s points of contact by `people` (rows with no field filled are dropped).
 * Throws the `LocalRefusal` saying why when the schema would refuse them, before writing anything.
 */
export function setContacts(floorDoc: Y.Doc, state: string, people: readonly Contact[], now = new Date()): void {
  const filled = people.filter((person) => [person.name, person.function, person.email, person.phone].some((field) => field?.trim()));
  const record: Contacts = { people: filled.map(tidy), at: now.toISOString() };
  const problem = contactsProblem(record.people);
  if (problem) throw problem;
  floorDoc.getMap<Contacts>(FloorRoot.contacts).set(contactsKey(state), record);
}

/** State `state`'s points of contact; empty when it has given none. */
export function contactsOf(floorDoc: Y.Doc, state: string): Contact[] {
  return floorDoc.getMap<Contacts>(FloorRoot.contacts).get(contactsKey(state))?.people ?? [];
}

/** Every delegation's points of contact, by state code in alphabetical order; states without any left out. */
export function allContacts(floorDoc: Y.Doc): Array<{ state: string; people: Contact[] }> {
  const found: Array<{ state: string; people: Contact[] }> = [];
  for (const [key, record] of floorDoc.getMap<Contacts>(FloorRoot.contacts)) {
    const parsed = parseRecordKey(key);
    if (parsed?.id === CONTACTS_ID && record.people.length > 0) found.push({ state: parsed.owner, people: record.people });
  }
  return found.sort((a, b) => (a.state < b.state ? -1 : 1));
}
