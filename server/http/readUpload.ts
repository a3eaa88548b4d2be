/**
 * Files sent to the API: raw bytes (`application/octet-stream`, the name in the `X-File-Name` header
 * or `?name=`), or a `multipart/form-data` body of named parts, read here without a package. Both
 * are held to `MAX_UPLOAD_BYTES`, and a body announced as larger is refused with its real size
 * before a byte of it is read.
 */
import express from "express";
import { FILE_NAME_HEADER, MAX_UPLOAD_BYTES } from "../../shared/importPreview";
import { refusal } from "../../shared/refusals";
import { formatMegabytes, megabytes } from "../import/ImportRefusal";
import { httpErrors } from "./HttpError";

/** An uploaded file: its name as the sender gave it, and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/** A multipart body: its text fields and its files, by part name. */
export interface MultipartBody {
  fields: Map<string, string>;
  files: Map<string, UploadedFile>;
}

/** Content types the upload routes read. */
export const UploadType = { octetStream: "application/octet-stream", multipart: "multipart/form-data" } as const;

/** Most parts a multipart body may have: a form has a handful. */
const MAX_PARTS = 8;

/** Longest file name kept. */
const MAX_FILE_NAME_LENGTH = 255;

/** Reads the body of an upload route into `request.body` as a Buffer, refusing one over the limit by its announced size. */
export function uploadBody(): express.RequestHandler[] {
  const refuseAnnounced: express.RequestHandler = (request, _response, next) => {
    const announced = Number(request.headers["content-length"]);
    if (Number.isFinite(announced) && announced > MAX_UPLOAD_BYTES) {
      next(httpErrors.tooLarge(refusal("file-too-large", { megabytes: megabytes(announced), limitMegabytes: megabytes(MAX_UPLOAD_BYTES) }), `The file is ${formatMegabytes(announced)}; the largest accepted is ${formatMegabytes(MAX_UPLOAD_BYTES)}.`));
      return;
    }
    next();
  };
  return [refuseAnnounced, express.raw({ type: [UploadType.octetStream, UploadType.multipart], limit: MAX_UPLOAD_BYTES })];
}

function cleanFileName(name: string): string {
  // Only the last path segment is a name; a browser on Windows may send the whole path.
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, MAX_FILE_NAME_LENGTH);
}

function bodyBytes(request: express.Request): Buffer {
  if (!Buffer.isBuffer(request.body)) throw httpErrors.unsupportedType(refusal("wrong-content-type", { type: `${UploadType.octetStream}, ${UploadType.multipart}` }), `Send the file as ${UploadType.octetStream} or ${UploadType.multipart}.`);
  return request.body;
}

/** The file of an `application/octet-stream` request; its name comes from `X-File-Name` (URI-encoded) or `?name=`. */
export function readFileBody(request: express.Request): UploadedFile {
  if (!request.is(UploadType.octetStream)) throw httpErrors.unsupportedType(refusal("wrong-content-type", { type: UploadType.octetStream }), `Send the file's bytes as ${UploadType.octetStream}.`);
  const header = request.headers[FILE_NAME_HEADER];
  const query = request.query.name;
  const raw = typeof header === "string" ? header : typeof query === "string" ? query : "";
  let name: string;
  try {
    name = cleanFileName(decodeURIComponent(raw));
  } catch {
    throw httpErrors.badRequest(refusal("form-malformed"), `${FILE_NAME_HEADER} must be URI-encoded`);
  }
  if (name === "") throw httpErrors.badRequest(refusal("file-unnamed", { header: FILE_NAME_HEADER }), `Name the file in the ${FILE_NAME_HEADER} header or ?name=`);
  return { name, bytes: bodyBytes(request) };
}

function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw httpErrors.badRequest(refusal("form-malformed"), "The multipart body names no boundary");
  return boundary;
}

/** `name` and `filename` of a part's Content-Disposition (RFC 7578; `filename*` of RFC 5987 too). */
function disposition(headers: string): { name: string | null; fileName: string | null } {
  const line = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? null;
  if (line === null) throw httpErrors.badRequest(refusal("form-malformed"), "A multipart part has no Content-Disposition: form-data");
  const param = (key: string) => new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(line)?.[1] ?? null;
  const extended = /;\s*filename\*=UTF-8''([^;\s]+)/i.exec(line)?.[1];
  let fileName = param("filename");
  if (extended) {
    try {
      fileName = decodeURIComponent(extended);
    } catch {
      throw httpErrors.badRequest(refusal("form-malformed"), "A multipart part's filename* is not URI-encoded");
    }
  }
  // Browsers escape a quote in a name as %22 and send other characters as they are (UTF-8).
  return { name: param("name"), fileName: fileName === null ? null : fileName.replace(/%22/g, '"') };
}

/** Reads a `multipart/form-data` body into its fields and files; a malformed body is a 400. */
export function readMultipart(request: express.Request): MultipartBody {
  if (!request.is(UploadType.multipart)) throw httpErrors.unsupportedType(refusal("wrong-content-type", { type: UploadType.multipart }), `Send the form as ${UploadType.multipart}.`);
  const body = bodyBytes(request);
  const delimiter = Buffer.from(`--${boundaryOf(request.headers["content-type"] ?? "")}`);
  const result: MultipartBody = { fields: new Map(), files: new Map() };
  let at = body.indexOf(delimiter);
  if (at < 0) throw httpErrors.badRequest(refusal("form-malformed"), "The multipart body has no part");
  for (let parts = 0; ; parts++) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString("latin1") === "--") return result;
    if (parts === MAX_PARTS) throw httpErrors.badRequest(refusal("form-malformed"), `A form has at most ${MAX_PARTS} parts`);
    if (body.subarray(at, at + 2).toString("latin1") !== "\r\n") throw httpErrors.badRequest(refusal("form-malformed"), "The multipart body is malformed");
    const headersEnd = body.indexOf("\r\n\r\n", at + 2);
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), at + 2);
    if (headersEnd < 0 || next < 0 || headersEnd > next) throw httpErrors.badRequest(refusal("form-malformed"), "The multipart body is malformed or cut short");
    const { name, fileName } = disposition(body.subarray(at + 2, headersEnd).toString("utf8"));
    if (!name) throw httpErrors.badRequest(refusal("form-malformed"), "A multipart part has no name");
    if (result.fields.has(name) || result.files.has(name)) throw httpErrors.badRequest(refusal("form-malformed"), `The form has two parts named ${JSON.stringify(name.slice(0, 40))}`);
    const content = body.subarray(headersEnd + 4, next);
    if (fileName === null) result.fields.set(name, content.toString("utf8"));
    else result.files.set(name, { name: cleanFileName(fileName), bytes: Buffer.from(content) });
    at = next + 2;
  }
}
