/** Client input the server refused (an update, a presence state), with the close cause and a detail a person can read. */
import { CloseCode } from "../../shared/closeCodes";

/** Thrown by the write guard and the presence check; nothing of the refused input has been applied, stored or relayed. */
export class WriteRefusal extends Error {
  override readonly name = "WriteRefusal";

  constructor(
    readonly closeCode: CloseCode,
    readonly detail: string,
  ) {
    super(`${closeCode.reason}: ${detail}`);
  }
}
