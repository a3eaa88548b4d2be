/**
 * Who a connected user is in a draft: the chair, a delegation of one state, or an observer. The
 * server derives it from the user's membership; nothing a client says about itself changes it.
 */

/** The roles of DESIGN.md section 1. */
export const Role = {
  chair: "chair",
  delegation: "delegation",
  observer: "observer",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Every role, for validation at the edges. */
export const ROLES: readonly Role[] = [Role.chair, Role.delegation, Role.observer];

/** The author of a write, as the write policy sees it. */
export type Author = { role: typeof Role.chair } | { role: typeof Role.delegation; state: string } | { role: typeof Role.observer };

/** Whether a string names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
