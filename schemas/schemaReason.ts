/**
 * One stable sentence for a JSON Schema failure, naming the field and the problem, as every contract
 * in `schemas/` (records and REST bodies alike) reports it.
 */
import type { ErrorObject } from "ajv";
import { formatPath, truncateForReason } from "./checkPlainJson";

/** JSON Pointer (`/anchor/pid`) to path segments; ajv does not say which segments index arrays. */
function pointerSegments(pointer: string): Array<string | number> {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(schema: unknown): string | null {
  if (typeof schema !== "object" || schema === null) return null;
  const description = (schema as { description?: unknown }).description;
  return typeof description === "string" ? description : null;
}

/** "kind is insert or replace" from an `if` of `properties` with `const`/`enum`: why a `then` applied. */
function condition(root: unknown, schemaPath: string): string | null {
  const at = schemaPath.lastIndexOf("/then/");
  if (!schemaPath.startsWith("#/") || at < 0) return null;
  let node: unknown = root;
  for (const part of schemaPath.slice(2, at).split("/").filter(Boolean)) {
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  const properties = (node as { if?: { properties?: Record<string, { const?: unknown; enum?: unknown[] }> } } | undefined)?.if
    ?.properties;
  if (!properties) return null;
  const clauses = Object.entries(properties).map(([name, rule]) => {
    const values = rule.enum ?? [rule.const];
    return `${name} is ${values.map(String).join(" or ")}`;
  });
  return clauses.length > 0 ? clauses.join(" and ") : null;
}

/** One stable sentence for ajv's errors: `proposal.text: must NOT have more than 5000 characters`. */
export function reasonFor(label: string, errors: ErrorObject[], root: unknown): string {
  const last = errors[errors.length - 1]!;
  // anyOf lists every branch's failure first; the alternatives' description says more than any one.
  const error = last.keyword === "anyOf" || last.keyword === "oneOf" ? last : errors[0]!;
  const path = pointerSegments(error.instancePath);
  let problem: string;
  switch (error.keyword) {
    case "required":
      path.push((error.params as { missingProperty: string }).missingProperty);
      problem = "required";
      break;
    case "additionalProperties":
      path.push((error.params as { additionalProperty: string }).additionalProperty);
      problem = "unknown field";
      break;
    case "false schema":
      problem = "not allowed";
      break;
    case "enum":
      problem = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(", ")}`;
      // The value the person sent, when it is short words (a query's `format=pdf`), so they see what was wrong.
      if (typeof error.data === "string") problem += `, not ${JSON.stringify(truncateForReason(error.data))}`;
      break;
    case "const":
      problem = `must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
      break;
    case "pattern":
    case "anyOf":
    case "oneOf": {
      const description = describe(error.parentSchema);
      problem = description ? `must be ${description}` : truncateForReason(error.message ?? "is invalid");
      break;
    }
    default:
      problem = error.message ?? "is invalid";
  }
  const when = condition(root, error.schemaPath);
  return `${label}${formatPath(path)}: ${problem}${when ? ` when ${when}` : ""}`;
}

