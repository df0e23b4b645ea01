"use client";

import { type FormEvent, useEffect, useState } from "react";

interface AuthFailure {
  message?: string;
  code?: string;
}

/** Better Auth answers 401 for a wrong password and 429 when the address tried too often. */
async function failureMessage(response: Response): Promise<string> {
  if (response.status === 429) {
    const wait = response.headers.get("x-retry-after");
    return `Too many sign-in attempts from this address. Wait ${wait ? `${wait} s` : "a minute"} and try again.`;
  }
  const body = (await response.json().catch(() => ({}))) as AuthFailure;
  if (response.status === 401) return "That e-mail and password do not match an account.";
  return body.message ?? `Signing in failed (${response.status}). Try again.`;
}

export function SignInForm({ next, singleSignOn }: { next: string; singleSignOn: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Enabled once React runs: a submit before that would post the password nowhere useful.
  const [isReady, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const signIn = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    });
    if (response.ok) {
      window.location.assign(next);
      return;
    }
    setError(await failureMessage(response));
    setBusy(false);
  };

  const signInWithSso = async () => {
    setBusy(true);
    setError(null);
    // Better Auth 1.7 starts a generic OAuth provider's sign-in through its social endpoint.
    const response = await fetch("/api/auth/sign-in/social", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "oidc", callbackURL: next, errorCallbackURL: "/sign-in" }),
    });
    const body = (await response.json().catch(() => ({}))) as { url?: string } & AuthFailure;
    if (response.ok && body.url) {
      window.location.assign(body.url);
      return;
    }
    setError(body.message ?? `Single sign-on is not available (${response.status}).`);
    setBusy(false);
  };

  return (
    <form className="auth-form" method="post" onSubmit={signIn} aria-label="Sign in">
      <label>
        E-mail
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={busy || !isReady}>
        Sign in
      </button>
      {singleSignOn ? (
        <button type="button" className="secondary" onClick={signInWithSso} disabled={busy}>
          Sign in with {singleSignOn}
        </button>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="hint">
        No account yet? Ask an admin: accounts are made on the Accounts screen or with{" "}
        <code>npx fairshift user add</code>.
      </p>
    </form>
  );
}
