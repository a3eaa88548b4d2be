/** Client input the server refused (an update, a presence state), with the close cause and a detail a person can read. */
import { CloseCode } from "../../shared/closeCodes";

/** Thrown by the write guard and the presence check; nothing of the refused input has been applied, stored or relayed. */
export class WriteRefusal extends Error {
  override readonly name: string = "WriteRefusal";

  constructor(
    readonly closeCode: CloseCode,
    readonly detail: string,
  ) {
    super(`${closeCode.reason}: ${detail}`);
  }
}

/**
 * The update refers to items this process's copy has not seen. In cluster mode the copy may only be
 * behind the log (another process committed them), so the room catches up and checks once more
 * before it refuses.
 */
export class UnseenItemsRefusal extends WriteRefusal {
  override readonly name = "UnseenItemsRefusal";
}
