/** The `Content-Disposition` of a file a route sends (an export, a redline). */

/** `attachment` with the file's name, in ASCII for old clients and in UTF-8 (RFC 6266) for the rest. */
export function attachment(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
