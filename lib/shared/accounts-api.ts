import { z } from "zod";
import type { AccessRoleKind } from "./access-policy";

/** The accounts screen's API contract (admins only): list, create, grant and revoke roles. */

const roleSchema = z.enum(["admin", "leadership", "manager", "engineer"], {
  error: "role must be admin, leadership, manager or engineer.",
});

export const roleGrantSchema = z.object({
  role: roleSchema,
  teamId: z.number().int().positive().nullable().optional(),
});

/** `POST /api/accounts` */
export const newAccountSchema = z.object({
  email: z.string().trim().min(3, "Enter the person's e-mail."),
  name: z.string().trim().max(100, "Keep the name under 100 characters.").optional(),
  password: z.string({ error: "Enter a first password (at least 12 characters)." }),
  roles: z.array(roleGrantSchema).max(50).default([]),
});
export type NewAccountRequest = z.input<typeof newAccountSchema>;

/** `POST /api/accounts/{id}/roles` */
export const roleChangeSchema = roleGrantSchema.extend({
  action: z.enum(["grant", "revoke"], { error: 'action must be "grant" or "revoke".' }),
});
export type RoleChangeRequest = z.input<typeof roleChangeSchema>;

export interface AccountView {
  id: string;
  email: string;
  name: string;
  person: { id: number; name: string; pagerdutyId: string | null } | null;
  roles: { role: AccessRoleKind; team: { id: number; name: string } | null }[];
  lastSignInAt: string | null;
  signInMethods: string[];
}

export interface AccountsResponse {
  accounts: AccountView[];
  teams: { id: number; name: string }[];
}

export interface AccountResponse {
  account: AccountView;
}
