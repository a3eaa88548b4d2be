/** The HTTP routes of written contributions, which the page and the server both name. */

/** `POST`: a delegation's file (Word, Markdown or text, `application/octet-stream`) read into a contribution's text. */
export const CONTRIBUTION_FILE_ROUTE = "/api/drafts/:id/contributions/file";

/** `GET ?format=html|pdf|docx`: the chair's compilation of the draft's written contributions by section. */
export const CONTRIBUTIONS_COMPILATION_ROUTE = "/api/drafts/:id/contributions/compilation";

/** The formats the compilation is written in. */
export const CompilationFormat = { html: "html", pdf: "pdf", docx: "docx" } as const;
export type CompilationFormat = (typeof CompilationFormat)[keyof typeof CompilationFormat];

/** Where the page sends a contribution's file for draft `draftId`. */
export function contributionFilePath(draftId: string): string {
  return CONTRIBUTION_FILE_ROUTE.replace(":id", encodeURIComponent(draftId));
}

/** Where the compilation of draft `draftId`'s contributions is, in `format`. */
export function compilationPath(draftId: string, format: CompilationFormat): string {
  return `${CONTRIBUTIONS_COMPILATION_ROUTE.replace(":id", encodeURIComponent(draftId))}?format=${format}`;
}
