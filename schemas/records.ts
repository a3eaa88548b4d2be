/**
 * The JSON records stored in a draft's Yjs maps, as TypeScript types, with the limits their schemas
 * set. Both are generated from `schemas/records/*.schema.json` (which `validateRecord` enforces on
 * every write) by `tools/generateSchemaTypes.mjs`, so the schema is the one place a record is written.
 */
export * from "./generated/records";
