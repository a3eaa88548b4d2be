/** How the report writes numbers and ratios, shared by its sections. */
import { median } from "./stats";

/** A figure with `digits` decimals; "–" when it is not a finite number (not measured). */
export const fmt = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : "–");

/** "0.62 (0.55–0.70; 0.55, 0.62, 0.70)": the median ratio, its range and every repeat's. */
export function ratioText(ratios: number[]): string {
  if (ratios.length === 0) return "–";
  const finite = ratios.filter(Number.isFinite);
  const range = finite.length ? `${fmt(Math.min(...finite), 2)}–${fmt(Math.max(...finite), 2)}` : "–";
  return `${fmt(median(ratios), 2)} (${range}; ${ratios.map((r) => fmt(r, 2)).join(", ")})`;
}
