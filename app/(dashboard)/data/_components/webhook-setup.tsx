"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState, useSyncExternalStore } from "react";
import { webhookSecretsQueryOptions } from "@/lib/client/webhooks";

const noSubscription = () => () => {};

/** The page's origin in the browser; null while rendering on the server, which cannot know it. */
function useOrigin(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
}

/** Where PagerDuty should send webhooks, and how to set that up in PagerDuty. */
export function WebhookSetup() {
  const origin = useOrigin();
  const secrets = useQuery(webhookSecretsQueryOptions());
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState("");
  const url = origin ? `${origin}/api/webhooks/pagerduty` : "";

  async function copy() {
    inputRef.current?.select();
    try {
      // The Clipboard API exists only on https and localhost; elsewhere the URL stays selected.
      await navigator.clipboard.writeText(url);
      setCopyStatus("Copied.");
    } catch {
      setCopyStatus("Selected: press Ctrl+C (⌘C) to copy.");
    }
  }

  const environmentSecretCount = secrets.data?.environmentSecretCount;
  return (
    <div className="panel webhook-setup">
      <h3>Set up live updates</h3>
      <div className="webhook-url">
        <label htmlFor="webhook-url">Webhook URL</label>
        <div className="webhook-url-row">
          <input
            id="webhook-url"
            ref={inputRef}
            type="text"
            readOnly
            value={url}
            placeholder="Loading…"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" onClick={copy} disabled={!url}>
            Copy
          </button>
        </div>
        <p className="hint" aria-live="polite">
          {copyStatus}
        </p>
      </div>
      <p className="hint">
        For more than one PagerDuty account or webhook, append a label —{" "}
        <code>/api/webhooks/pagerduty/&lt;label&gt;</code> — and save that webhook's secret under
        the same label below.
      </p>
      <ol className="webhook-steps">
        <li>
          In PagerDuty, go to <strong>Integrations → Generic Webhooks (v3)</strong> and choose{" "}
          <strong>New Webhook</strong>.
        </li>
        <li>Paste the URL above as the webhook URL.</li>
        <li>
          Choose the scope — the whole account, a team or a service — and the incident events to
          send.
        </li>
        <li>Save the webhook.</li>
        <li>Copy the signing secret PagerDuty shows: it is shown only once.</li>
        <li>Paste it under Signing secrets below and save.</li>
      </ol>
      <p className="hint">
        Instead of saving secrets here, you can set <code>PAGERDUTY_WEBHOOK_SECRETS</code>{" "}
        (comma-separated) in Fairshift's environment; nothing else needs setting up.{" "}
        {environmentSecretCount === undefined
          ? null
          : environmentSecretCount === 0
            ? "None are configured there now."
            : `${environmentSecretCount} ${environmentSecretCount === 1 ? "secret is" : "secrets are"} configured there now.`}
      </p>
      <p>
        Webhooks carry incident lifecycle, not notifications: pages and time in lieu come from the
        REST sync (<code>fairshift sync pagerduty</code>), so run it on a schedule; webhooks keep
        incidents current within seconds in between.
      </p>
    </div>
  );
}
