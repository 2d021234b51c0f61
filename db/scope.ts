/**
 * Which clients a member can see: all, the assigned ones, or the one they belong to. The auth layer
 * decides a member's scope (lib/auth/permissions.ts); query functions apply it in their WHERE.
 */
export type ClientScope =
  | { kind: "all" }
  | { kind: "assigned"; membershipId: string }
  | { kind: "own"; clientId: string };
