/**
 * The desk's requests: each resolves with the answer's JSON, or with the message a person reads
 * and, for a refused field, the field the server named (`values.field` of its refusal), so the form
 * can show the problem beside that field.
 */
import { errorReadingOf, unreachableMessage } from "../connection/errorMessages";

/** The outcome of a request. */
export type Answer<T> = { ok: true; value: T } | { ok: false; message: string; field: string | null };

/** Sends a request and reads its answer (as JSON unless `read` says otherwise); never throws. */
export async function request<T>(url: string, init: RequestInit = {}, signal?: AbortSignal, read: (response: Response) => Promise<T> = (response) => response.json() as Promise<T>): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch {
    return { ok: false, message: unreachableMessage(), field: null };
  }
  if (!response.ok) {
    const reading = await errorReadingOf(response);
    return reading.field ? { ok: false, message: reading.problem, field: reading.field } : { ok: false, message: reading.message, field: null };
  }
  try {
    return { ok: true, value: await read(response) };
  } catch {
    // The answer broke off on its way (the line dropped mid-body).
    return { ok: false, message: unreachableMessage(), field: null };
  }
}

/** A JSON request of `method` with `body`. */
export function sendJson<T>(url: string, method: string, body: unknown, signal?: AbortSignal): Promise<Answer<T>> {
  return request<T>(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, signal);
}
