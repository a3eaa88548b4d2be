/**
 * The refusal (`shared/refusals.ts`) a REST body or query failing its contract answers with: the
 * field and the kind of problem as a stable id with values, which the page says in the reader's
 * language; the English sentence is `reasonFor`'s.
 */
import type { ErrorObject } from "ajv";
import { refusal, type Refusal } from "../shared/refusals";

/** The field `error` is about, as the page names it (`title`, `anchor.pid`), or `label` for the whole body. */
function fieldOf(label: string, error: ErrorObject): string {
  const path = error.instancePath
    .split("/")
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "required") path.push((error.params as { missingProperty: string }).missingProperty);
  if (error.keyword === "additionalProperties") path.push((error.params as { additionalProperty: string }).additionalProperty);
  return path.length > 0 ? path.join(".").slice(0, 80) : label;
}

/** The refusal for ajv's `errors` on a value checked as `label` (`body`, `query`); picks the error `reasonFor` names. */
export function refusalFor(label: string, errors: ErrorObject[]): Refusal {
  const last = errors[errors.length - 1]!;
  const error = last.keyword === "anyOf" || last.keyword === "oneOf" ? last : errors[0]!;
  const field = fieldOf(label, error);
  const limit = (error.params as { limit?: number }).limit ?? 0;
  switch (error.keyword) {
    case "required":
      return refusal("field-required", { field });
    case "additionalProperties":
      return refusal("field-unknown", { field });
    case "maxLength":
    case "maxItems":
      return refusal("field-too-long", { field, limit });
    case "minLength":
    case "minItems":
      return refusal("field-too-short", { field, limit });
    case "maximum":
    case "exclusiveMaximum":
      return refusal("number-too-large", { field, limit });
    case "minimum":
    case "exclusiveMinimum":
      return refusal("number-too-small", { field, limit });
    case "enum":
      return refusal("field-not-one-of", { field, allowed: (error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(", ") });
    default:
      return refusal("field-invalid", { field });
  }
}
