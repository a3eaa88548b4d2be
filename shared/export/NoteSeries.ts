/**
 * The notes of a printed document (HTML, Akoma Ntoso): the chair's footnotes and the states'
 * reservations in one series, numbered in the order the reader meets them.
 */
import type { ExportReservation } from "./exportModel";

/** A reservation as its footnote says it. */
export function reservationNote(reservation: ExportReservation): string {
  return `${reservation.state} reserves its position on this paragraph${reservation.reason ? `: ${reservation.reason}` : "."}`;
}

/** A document's notes as it meets them. */
export class NoteSeries {
  readonly notes: Array<{ number: number; text: string }> = [];

  /** Adds a note and returns its number. */
  add(text: string): number {
    this.notes.push({ number: this.notes.length + 1, text });
    return this.notes.length;
  }
}
