"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import {
  ACCOUNTS_KEY,
  type AccountView,
  accountsQueryOptions,
  changeRole,
  createAccountRequest,
} from "@/lib/client/accounts";
import { formatDateTime, NO_VALUE } from "@/lib/client/format";
import type { AccessRoleKind } from "@/lib/shared/access-policy";
import { FormOutcome } from "../../_components/form-outcome";

const ROLE_NAMES: Record<AccessRoleKind, string> = {
  admin: "Admin",
  leadership: "Leadership",
  manager: "Manager",
  engineer: "Engineer",
};

type Team = { id: number; name: string };

function RoleEditor({ account, teams }: { account: AccountView; teams: Team[] }) {
  const client = useQueryClient();
  const [role, setRole] = useState<AccessRoleKind>("manager");
  const [teamId, setTeamId] = useState<number | null>(teams[0]?.id ?? null);
  const change = useMutation({
    mutationFn: (request: Parameters<typeof changeRole>[1]) => changeRole(account.id, request),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
  return (
    <div className="role-editor">
      <ul className="role-list">
        {account.roles.map((grant) => (
          <li key={`${grant.role}-${grant.team?.id ?? "all"}`}>
            {ROLE_NAMES[grant.role]}
            {grant.team ? ` of ${grant.team.name}` : ""}{" "}
            <button
              type="button"
              aria-label={`Remove ${ROLE_NAMES[grant.role]}${grant.team ? ` of ${grant.team.name}` : ""} from ${account.email}`}
              onClick={() =>
                change.mutate({
                  action: "revoke",
                  role: grant.role,
                  teamId: grant.team?.id ?? null,
                })
              }
              disabled={change.isPending}
            >
              ×
            </button>
          </li>
        ))}
        {account.roles.length === 0 ? <li className="hint">No role: sees nothing</li> : null}
      </ul>
      <div className="role-grant">
        <label>
          <span className="visually-hidden">Role to grant {account.email}</span>
          <select value={role} onChange={(event) => setRole(event.target.value as AccessRoleKind)}>
            {Object.entries(ROLE_NAMES).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {role === "manager" ? (
          <label>
            <span className="visually-hidden">Team</span>
            <select
              value={teamId ?? ""}
              onChange={(event) => setTeamId(Number(event.target.value))}
            >
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button
          type="button"
          onClick={() =>
            change.mutate({ action: "grant", role, teamId: role === "manager" ? teamId : null })
          }
          disabled={change.isPending}
        >
          Grant
        </button>
      </div>
      {change.isError ? (
        <p className="error" role="alert">
          {change.error.message}
        </p>
      ) : null}
    </div>
  );
}

function NewAccountForm({ teams }: { teams: Team[] }) {
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createAccountRequest,
    onSuccess: async (response) => {
      setDone(
        `Made ${response.account.email}${response.account.person ? `, linked to ${response.account.person.name}` : ", not linked to a PagerDuty person"}.`,
      );
      await client.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const form = new FormData(event.currentTarget);
    const role = String(form.get("role") ?? "");
    const roles =
      role === ""
        ? []
        : [
            {
              role: role as AccessRoleKind,
              teamId: role === "manager" ? Number(form.get("team")) : null,
            },
          ];
    create.mutate({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? "") || undefined,
      password: String(form.get("password") ?? ""),
      roles,
    });
  };
  return (
    <form className="ledger-form" onSubmit={submit} aria-labelledby="new-account-heading">
      <h2 id="new-account-heading">Add an account</h2>
      <div className="ledger-form-fields">
        <label>
          E-mail
          <input name="email" type="email" required />
        </label>
        <label>
          Name
          <input name="name" />
        </label>
        <label>
          First password (12+ characters)
          <input
            name="password"
            type="password"
            minLength={12}
            required
            autoComplete="new-password"
          />
        </label>
        <label>
          Extra role
          <select name="role" defaultValue="">
            <option value="">None (engineer if linked)</option>
            <option value="manager">Manager of…</option>
            <option value="leadership">Leadership</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label>
          Team (for manager)
          <select name="team">
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" disabled={create.isPending}>
        Add account
      </button>
      <FormOutcome error={create.error} done={done} />
    </form>
  );
}

export function AccountsScreen() {
  const accounts = useQuery(accountsQueryOptions());
  if (accounts.isPending) {
    return (
      <div className="skeleton" style={{ height: 240 }} role="status">
        <span className="visually-hidden">Loading accounts…</span>
      </div>
    );
  }
  if (accounts.isError) {
    return (
      <p className="error" role="alert">
        Could not load the accounts: {accounts.error.message}
      </p>
    );
  }
  const { teams } = accounts.data;
  return (
    <>
      <NewAccountForm teams={teams} />
      <div className="table-scroll">
        <table className="accounts-table stack-on-phone">
          <caption>{accounts.data.accounts.length} accounts</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">PagerDuty person</th>
              <th scope="col">Roles</th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.accounts.map((account) => (
              <tr key={account.id} data-testid="account-row">
                <th scope="row">
                  {account.name}
                  <br />
                  <span className="hint">
                    {account.email} · {account.signInMethods.join(", ") || "no sign-in method"}
                  </span>
                </th>
                <td data-label="Person">
                  {account.person ? (
                    <Link href={`/people/${account.person.id}`}>{account.person.name}</Link>
                  ) : (
                    <span className="hint">Not linked</span>
                  )}
                </td>
                <td data-label="Roles">
                  <RoleEditor account={account} teams={teams} />
                </td>
                <td data-label="Last sign-in">
                  {account.lastSignInAt ? formatDateTime(account.lastSignInAt, "UTC") : NO_VALUE}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
