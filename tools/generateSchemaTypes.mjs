// Writes the TypeScript types and limits of Concord's JSON Schemas, so each contract is written once:
// schemas/records/*.schema.json → schemas/generated/records.ts, schemas/rest/*.schema.json →
// schemas/generated/rest.ts. Run it after changing a schema (`node tools/generateSchemaTypes.mjs`);
// `--check` writes nothing and fails when a generated file is stale (a test runs it).
//
// It reads the subset of JSON Schema (draft-07) the project writes: type (one or a list), properties,
// required, additionalProperties, items, enum, const, anyOf, oneOf, $ref (to a definition, here or in
// another file of the same folder), and true/false. `if`/`then` refine a record beyond what its type
// says and are left to the validator. Names: a file's root schema is named by its `title`; a
// definition by its `title`, else its key in PascalCase; any other schema with a `title` by it. A
// named enum becomes a `const` object and a same-named type. Primitive definitions (a pid, a date)
// are written inline. Limits (minLength, maxLength, minimum, maximum, minItems, maxItems,
// maxProperties) of every named object's fields, and of primitive definitions, go in one constant.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What is generated: each folder of schemas, its output, and what its constants are called. */
const GROUPS = [
  {
    folder: "schemas/records",
    output: "schemas/generated/records.ts",
    limits: { name: "RecordLimits", doc: "The limits the record schemas set, by type (in camelCase) and field: `RecordLimits.proposal.text.maxLength`." },
    indexes: [],
  },
  {
    folder: "schemas/rest",
    output: "schemas/generated/rest.ts",
    limits: { name: "RestLimits", doc: "The limits the REST contracts set, by contract and field: `RestLimits.invite.name.maxLength`." },
    // A contract whose file name ends in Query checks a query string (auditQuery: the query of the
    // `audit` route); every other one a JSON body.
    indexes: [
      { name: "RestBodies", schemas: "REST_BODY_SCHEMAS", doc: "request bodies", pick: (name) => !name.endsWith("Query"), key: (name) => name },
      { name: "RestQueries", schemas: "REST_QUERY_SCHEMAS", doc: "query strings", pick: (name) => name.endsWith("Query"), key: (name) => name.replace(/Query$/, "") },
    ],
  },
];

const LIMIT_KEYWORDS = ["minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "maxProperties"];

const pascal = (key) => key.charAt(0).toUpperCase() + key.slice(1);
const camel = (key) => key.charAt(0).toLowerCase() + key.slice(1);
const isIdentifier = (key) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key);
const propertyName = (key) => (isIdentifier(key) ? key : JSON.stringify(key));
const docComment = (text, indent = "") => (text ? `${indent}/** ${text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim()} */\n` : "");

function isPrimitive(schema) {
  if (typeof schema !== "object" || schema === null) return false;
  const types = [schema.type].flat();
  return schema.type !== undefined && types.every((type) => ["string", "number", "integer", "boolean", "null"].includes(type)) && !schema.enum;
}

/** Whether a schema gets a name of its own rather than being written where it is used. */
function isNamedKind(schema) {
  if (typeof schema !== "object" || schema === null) return false;
  if (schema.$ref) return false;
  if (isPrimitive(schema)) return false;
  if (schema.type === "array") return false;
  return Boolean(schema.type || schema.const !== undefined || schema.enum || schema.anyOf || schema.oneOf || schema.properties);
}

/** Reads one folder's schemas and gives every schema that is named its name. */
function loadGroup(folder) {
  const files = fs
    .readdirSync(path.join(root, folder))
    .filter((file) => file.endsWith(".schema.json"))
    .sort();
  const byId = new Map();
  const documents = files.map((file) => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, folder, file), "utf8"));
    const document = { file, base: file.replace(/\.schema\.json$/, ""), schema };
    byId.set(schema.$id, document);
    return document;
  });
  const names = new Map();
  // The file each named schema is written in, against which its $refs resolve.
  const owners = new Map();
  for (const { schema } of documents) {
    if (isNamedKind(schema) && schema.title) names.set(schema, schema.title);
    for (const [key, definition] of Object.entries(schema.definitions ?? {})) {
      if (isNamedKind(definition)) names.set(definition, definition.title ?? pascal(key));
    }
  }
  const visit = (document, schema) => {
    if (typeof schema !== "object" || schema === null) return;
    if (schema.title && !names.has(schema) && isNamedKind(schema)) names.set(schema, schema.title);
    owners.set(schema, document);
    for (const value of Object.values(schema)) {
      if (Array.isArray(value)) value.forEach((item) => visit(document, item));
      else if (typeof value === "object") visit(document, value);
    }
  };
  documents.forEach((document) => visit(document, document.schema));
  return { documents, byId, names, owners };
}

/** The schema a `$ref` inside `document` points at. */
function resolve(group, document, ref) {
  const [filePart, pointer = ""] = ref.split("#");
  const target = filePart ? group.byId.get(new URL(filePart, document.schema.$id).href) : document;
  if (!target) throw new Error(`${document.file}: no schema for $ref ${ref}`);
  let node = target.schema;
  for (const part of pointer.split("/").filter(Boolean)) node = node?.[part];
  if (node === undefined) throw new Error(`${document.file}: $ref ${ref} points at nothing`);
  return { document: target, schema: node };
}

/** The TypeScript type of `schema`; a named schema is written by name unless `declaring`. */
function typeOf(group, document, schema, declaring = false) {
  if (schema === true) return "unknown";
  if (schema === false) return "never";
  if (!declaring && group.names.has(schema)) return group.names.get(schema);
  if (schema.$ref) {
    const target = resolve(group, document, schema.$ref);
    return typeOf(group, target.document, target.schema);
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((member) => typeOf(group, document, member)).join(" | ");
  const types = [schema.type ?? "unknown"].flat().map((type) => {
    switch (type) {
      case "string":
      case "boolean":
      case "null":
        return type;
      case "number":
      case "integer":
        return "number";
      case "array": {
        const item = schema.items === undefined ? "unknown" : typeOf(group, document, schema.items);
        return /[ |]/.test(item) ? `Array<${item}>` : `${item}[]`;
      }
      case "object":
        return objectLiteral(group, document, schema);
      default:
        return "unknown";
    }
  });
  return types.join(" | ");
}

/** The fields of an object schema, each `name?: type` with its doc comment. */
function fields(group, document, schema) {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, property]) => ({
    // A field of a named type reads that type's doc comment.
    doc: typeof property === "object" && !group.names.has(property) ? property.description : undefined,
    line: `${propertyName(key)}${required.has(key) ? "" : "?"}: ${typeOf(group, document, property)};`,
  }));
}

function objectLiteral(group, document, schema) {
  if (!schema.properties) {
    const rest = schema.additionalProperties;
    return rest === undefined || rest === false ? "Record<string, never>" : `Record<string, ${typeOf(group, document, rest === true ? {} : rest)}>`;
  }
  return `{ ${fields(group, document, schema).map((field) => field.line.replace(/;$/, "")).join("; ")} }`;
}

/** The declaration of named schema `schema`. */
function declaration(group, document, schema, name) {
  const doc = docComment(schema.description ?? `${name}, as its JSON Schema defines it.`);
  if (schema.enum && schema.enum.every((value) => typeof value === "string" && isIdentifier(value))) {
    const members = schema.enum.map((value) => `  ${value}: ${JSON.stringify(value)},`).join("\n");
    return `${doc}export const ${name} = {\n${members}\n} as const;\n${doc}export type ${name} = (typeof ${name})[keyof typeof ${name}];\n`;
  }
  if ([schema.type].flat().includes("object") && schema.properties && !schema.anyOf && !schema.oneOf) {
    const body = fields(group, document, schema)
      .map((field) => `${docComment(field.doc, "  ")}  ${field.line}\n`)
      .join("");
    return `${doc}export interface ${name} {\n${body}}\n`;
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const members = union.map((member) => `${docComment(typeof member === "object" ? member.description : undefined, "  ")}  | ${typeOf(group, document, member)}\n`).join("");
    return `${doc}export type ${name} =\n${members.replace(/\n$/, ";\n")}`;
  }
  return `${doc}export type ${name} = ${typeOf(group, document, schema, true)};\n`;
}

/** The limit keywords of `schema`, following a `$ref` to a primitive definition. */
function limitsOf(group, document, schema) {
  if (typeof schema !== "object" || schema === null) return null;
  if (schema.$ref) {
    const target = resolve(group, document, schema.$ref);
    return group.names.has(target.schema) ? null : limitsOf(group, target.document, target.schema);
  }
  const found = Object.fromEntries(LIMIT_KEYWORDS.filter((keyword) => typeof schema[keyword] === "number").map((keyword) => [keyword, schema[keyword]]));
  return Object.keys(found).length > 0 ? found : null;
}

/** `{ proposal: { text: { maxLength: 5000 } }, note: { maxLength: 2000 }, … }` for one group. */
function limitsTable(group) {
  const table = [];
  for (const [schema, name] of group.names) {
    const document = group.owners.get(schema);
    const entries = Object.entries(schema.properties ?? {})
      .map(([key, property]) => [key, limitsOf(group, document, property)])
      .filter(([, limits]) => limits !== null);
    if (entries.length > 0) table.push([camel(name), Object.fromEntries(entries)]);
  }
  for (const document of group.documents) {
    for (const [key, definition] of Object.entries(document.schema.definitions ?? {})) {
      const limits = isPrimitive(definition) ? limitsOf(group, document, definition) : null;
      if (limits) table.push([key, limits]);
    }
  }
  return table;
}

const literal = (value, indent) => {
  if (typeof value !== "object") return JSON.stringify(value);
  // A field's limits fit on its line: `text: { maxLength: 5000 },`.
  if (Object.values(value).every((entry) => typeof entry !== "object")) return `{ ${Object.entries(value).map(([key, entry]) => `${key}: ${entry}`).join(", ")} }`;
  const inner = Object.entries(value).map(([key, entry]) => `${indent}  ${propertyName(key)}: ${literal(entry, `${indent}  `)},`);
  return `{\n${inner.join("\n")}\n${indent}}`;
};

/** The whole generated file of one group. */
function generate({ folder, limits, indexes }) {
  const group = loadGroup(folder);
  const parts = [
    `// Generated by tools/generateSchemaTypes.mjs from ${folder}/*.schema.json: do not edit by hand.\n// Change the schema, then run \`node tools/generateSchemaTypes.mjs\`; a test fails while this file is stale.\n`,
  ];
  const imports = indexes.length > 0 ? group.documents.map(({ file, base }) => `import ${camel(base)}Schema from "../${path.basename(folder)}/${file}";\n`).join("") : "";
  if (imports) parts.push(imports);
  const declared = new Set();
  for (const document of group.documents) {
    const order = [];
    const collect = (schema) => {
      if (typeof schema !== "object" || schema === null) return;
      for (const value of Object.values(schema)) {
        if (Array.isArray(value)) value.forEach(collect);
        else if (typeof value === "object") collect(value);
      }
      if (group.names.has(schema) && !declared.has(schema)) {
        declared.add(schema);
        order.push(schema);
      }
    };
    collect(document.schema);
    for (const schema of order) parts.push(declaration(group, document, schema, group.names.get(schema)));
  }
  for (const index of indexes) {
    const chosen = group.documents.filter(({ base }) => index.pick(base));
    const members = chosen.map(({ base, schema }) => `  ${camel(index.key(base))}: ${group.names.get(schema) ?? "unknown"};\n`).join("");
    parts.push(`/** What each of the REST API's ${index.doc} holds once its schema accepted it, by contract name. */\nexport interface ${index.name} {\n${members}}\n`);
    const schemas = chosen.map(({ base }) => `  ${camel(index.key(base))}: ${camel(base)}Schema,\n`).join("");
    parts.push(`/** The JSON Schema of each of the REST API's ${index.doc}, by contract name. */\nexport const ${index.schemas}: { [Name in keyof ${index.name}]: object } = {\n${schemas}};\n`);
  }
  parts.push(`${docComment(limits.doc)}export const ${limits.name} = ${literal(Object.fromEntries(limitsTable(group)), "")} as const;\n`);
  return parts.join("\n");
}

const check = process.argv.includes("--check");
const stale = [];
for (const group of GROUPS) {
  const file = path.join(root, group.output);
  const text = generate(group);
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  if (current === text) continue;
  if (check) stale.push(group.output);
  else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${group.output}`);
  }
}
if (stale.length > 0) {
  console.error(`Stale: ${stale.join(", ")}. Run \`node tools/generateSchemaTypes.mjs\` and commit the result.`);
  process.exit(1);
}
