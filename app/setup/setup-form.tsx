"use client";

import { type FormEvent, useEffect, useState } from "react";

const MINIMUM_PASSWORD_LENGTH = 12;

export function SetupForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Enabled once React runs: a submit before that would post the password nowhere useful.
  const [isReady, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    if (password !== form.get("confirm")) {
      setError("The two passwords differ.");
      return;
    }
    setBusy(true);
    setError(null);
    const created = await fetch("/api/setup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, name: form.get("name"), password }),
    });
    if (!created.ok) {
      const body = (await created.json().catch(() => ({}))) as { error?: { message?: string } };
      setError(body.error?.message ?? `Creating the account failed (${created.status}).`);
      setBusy(false);
      return;
    }
    const signedIn = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    window.location.assign(signedIn.ok ? "/" : "/sign-in");
  };

  return (
    <form className="auth-form" method="post" onSubmit={submit} aria-label="Create the first admin">
      <label>
        Name
        <input name="name" autoComplete="name" required />
      </label>
      <label>
        E-mail
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password (at least {MINIMUM_PASSWORD_LENGTH} characters)
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={MINIMUM_PASSWORD_LENGTH}
          required
        />
      </label>
      <label>
        Password again
        <input name="confirm" type="password" autoComplete="new-password" required />
      </label>
      <button type="submit" disabled={busy || !isReady}>
        Create admin and sign in
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
