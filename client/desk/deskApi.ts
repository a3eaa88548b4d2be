/**
 * The desk's requests: each resolves with the answer's JSON, or with the message a person reads
 * and, for a refused body, the field the server named (`body.title: …` → `title`), so the form
 * can show the error beside that field.
 */
import { errorMessageOf, UNREACHABLE_MESSAGE } from "../connection/errorMessages";

/** The outcome of a request. */
export type Answer<T> = { ok: true; value: T } | { ok: false; message: string; field: string | null };

/** The field a 400's message names (`body.title: must …` names `title`), and the problem to show beside it. */
export function fieldOfMessage(message: string): { field: string; problem: string } | null {
  const match = /body\.([A-Za-z]+): (.*)$/.exec(message);
  if (!match) return null;
  const problem = match[2]!.replace(/\.?$/, ".");
  return { field: match[1]!, problem: problem.charAt(0).toUpperCase() + problem.slice(1) };
}

/** Sends a request and reads its answer (as JSON unless `read` says otherwise); never throws. */
export async function request<T>(url: string, init: RequestInit = {}, signal?: AbortSignal, read: (response: Response) => Promise<T> = (response) => response.json() as Promise<T>): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch {
    return { ok: false, message: UNREACHABLE_MESSAGE, field: null };
  }
  if (!response.ok) {
    const message = await errorMessageOf(response);
    const named = response.status === 400 ? fieldOfMessage(message) : null;
    return named ? { ok: false, message: named.problem, field: named.field } : { ok: false, message, field: null };
  }
  try {
    return { ok: true, value: await read(response) };
  } catch {
    // The answer broke off on its way (the line dropped mid-body).
    return { ok: false, message: UNREACHABLE_MESSAGE, field: null };
  }
}

/** A JSON request of `method` with `body`. */
export function sendJson<T>(url: string, method: string, body: unknown, signal?: AbortSignal): Promise<Answer<T>> {
  return request<T>(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, signal);
}
