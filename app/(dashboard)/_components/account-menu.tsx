"use client";

import { useState } from "react";

async function post(path: string): Promise<void> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  if (!response.ok) throw new Error(`Signing out failed (${response.status}); try again.`);
}

/** Who is signed in, with what roles, and the two ways out. */
export function AccountMenu({
  name,
  email,
  roles,
}: {
  name: string;
  email: string;
  roles: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signOut = async (everywhere: boolean) => {
    setBusy(true);
    setError(null);
    try {
      // Revoking every session includes this one; signing out also clears this browser's cookie.
      if (everywhere) await post("/api/auth/revoke-sessions");
      await post("/api/auth/sign-out").catch(() => undefined);
      window.location.assign("/sign-in");
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  };
  return (
    <details className="account-menu">
      <summary>
        <span className="account-name">{name}</span>
        <span className="visually-hidden">: account menu</span>
      </summary>
      <div className="account-menu-body">
        <p>
          <strong>{name}</strong>
          <br />
          <span className="hint">{email}</span>
          <br />
          <span className="hint" data-testid="account-roles">
            {roles}
          </span>
        </p>
        <button type="button" onClick={() => signOut(false)} disabled={busy}>
          Sign out
        </button>
        <button type="button" onClick={() => signOut(true)} disabled={busy}>
          Sign out everywhere
        </button>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </details>
  );
}
