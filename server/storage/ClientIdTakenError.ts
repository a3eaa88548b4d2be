/**
 * An append refused because it claims a Yjs client id that another principal already owns in that
 * room. A store shared by several processes checks the claim in the commit (a client id is a key),
 * because a process's own memory of the owners may be behind; nothing of the append is stored.
 */
export class ClientIdTakenError extends Error {
  override readonly name = "ClientIdTakenError";

  constructor(
    readonly draftId: string,
    readonly room: string,
    readonly clientId: number,
    /** The principal that owns the id (`chair`, `state:CUB`, `server`). */
    readonly owner: string,
    /** The principal whose append claimed it. */
    readonly claimant: string,
  ) {
    super(`Yjs client id ${clientId} in ${draftId}/${room} belongs to ${owner}; ${claimant} may not use it`);
  }
}
