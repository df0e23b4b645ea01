"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import {
  revokeWebhookSecret,
  saveWebhookSecret,
  type WebhookSecretRow,
  webhookSecretsQueryOptions,
} from "@/lib/client/webhooks";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

function LocalTime({ iso }: { iso: string | null }) {
  if (!iso) return <>never</>;
  return (
    <time dateTime={iso} title={iso}>
      {timeFormat.format(new Date(iso))}
    </time>
  );
}

/** The signing secrets that verify deliveries: add one, or remove an old one after rotating. */
export function WebhookSecrets() {
  const queryClient = useQueryClient();
  const secrets = useQuery(webhookSecretsQueryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["webhooks", "secrets"] });
  const save = useMutation({ mutationFn: saveWebhookSecret, onSuccess: refresh });
  const revoke = useMutation({ mutationFn: revokeWebhookSecret, onSuccess: refresh });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    save.mutate(
      { label: String(data.get("label") ?? ""), secret: String(data.get("secret") ?? "") },
      { onSuccess: () => form.reset() },
    );
  }

  function remove(secret: WebhookSecretRow) {
    const question = `Remove secret ${secret.hint} (${secret.label})? Deliveries signed with it will no longer verify.`;
    if (window.confirm(question)) revoke.mutate(secret.id);
  }

  return (
    <div className="panel webhook-secrets">
      <h3 id="webhook-secrets-heading">Signing secrets</h3>
      <p className="hint">
        To rotate a secret, add the new one, let PagerDuty switch to it, then remove the old one.
      </p>
      {secrets.isPending && <p aria-busy="true">Loading secrets…</p>}
      {secrets.isError && (
        <p role="alert" className="error">
          Secrets could not be loaded: {secrets.error.message}
        </p>
      )}
      {secrets.data && secrets.data.secrets.length === 0 && (
        <p className="empty">
          No secrets saved here yet
          {secrets.data.environmentSecretCount > 0
            ? "; deliveries verify with the ones in PAGERDUTY_WEBHOOK_SECRETS."
            : ". Until one is saved here or in PAGERDUTY_WEBHOOK_SECRETS, Fairshift cannot verify PagerDuty's signatures."}
        </p>
      )}
      {secrets.data && secrets.data.secrets.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="webhook-secrets-heading">
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Secret</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {secrets.data.secrets.map((secret) => (
                <tr key={secret.id} data-testid={`webhook-secret-${secret.id}`}>
                  <th scope="row">{secret.label}</th>
                  <td>
                    <code>{secret.hint}</code>
                  </td>
                  <td>
                    <LocalTime iso={secret.createdAt} />
                  </td>
                  <td>
                    <LocalTime iso={secret.lastUsedAt} />
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() => remove(secret)}
                      disabled={revoke.isPending}
                      aria-label={`Remove secret ${secret.hint} (${secret.label})`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoke.isError && (
        <p role="alert" className="error">
          {revoke.error.message}
        </p>
      )}
      <form className="webhook-secret-form" onSubmit={submit} aria-label="Add a secret">
        <label>
          Label (letters, digits and hyphens)
          <input
            type="text"
            name="label"
            defaultValue="default"
            required
            maxLength={40}
            autoComplete="off"
            disabled={save.isPending}
          />
        </label>
        <label>
          Signing secret
          <input
            type="password"
            name="secret"
            required
            minLength={8}
            maxLength={512}
            autoComplete="off"
            spellCheck={false}
            disabled={save.isPending}
          />
        </label>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save secret"}
        </button>
      </form>
      {save.isError && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
      {save.isSuccess && (
        <p className="hint" aria-live="polite">
          Saved secret {save.data.hint} ({save.data.label}).
        </p>
      )}
    </div>
  );
}
