/**
 * Workspace roles and what each may do. One ladder: a viewer reads, an editor also changes
 * table data, an owner also manages members, invitations, API tokens and settings.
 */
import { z } from "zod";

export const Role = z.enum(["owner", "editor", "viewer"]);
export type Role = z.infer<typeof Role>;

/** Roles that invitations and API tokens may grant: ownership is only given by an owner, by hand. */
export const GrantableRole = z.enum(["editor", "viewer"]);
export type GrantableRole = z.infer<typeof GrantableRole>;

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

export type Permission = "read" | "write" | "manage";

const NEEDS: Record<Permission, Role> = { read: "viewer", write: "editor", manage: "owner" };

/**
 * Whether a role grants a permission.
 * @example can("editor", "write") // true
 */
export function can(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[NEEDS[permission]];
}

/** Whether `role` is at least `atLeast` on the ladder. */
export function roleAtLeast(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}
