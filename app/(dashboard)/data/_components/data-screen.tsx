"use client";

import { Suspense, useState } from "react";
import { ImportRuns } from "./import-runs";
import { SettingsBands } from "./settings-bands";
import { SettingsDetection } from "./settings-detection";
import { SettingsHolidays } from "./settings-holidays";
import { SettingsThresholds } from "./settings-thresholds";
import { SettingsTimeInLieu } from "./settings-time-in-lieu";
import { SyncStatus } from "./sync-status";
import { UploadForm } from "./upload-form";
import { WebhookDeliveries } from "./webhook-deliveries";
import { WebhookSecrets } from "./webhook-secrets";
import { WebhookSetup } from "./webhook-setup";

export function DataScreen() {
  const [batchId, setBatchId] = useState<string | null>(null);
  return (
    <>
      <UploadForm onBatchStarted={setBatchId} />
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Import runs</h2>
        <ImportRuns highlightBatchId={batchId} />
      </section>
      <section aria-labelledby="sync-heading">
        <h2 id="sync-heading">API sync</h2>
        <SyncStatus />
      </section>
      <section aria-labelledby="webhook-heading">
        <h2 id="webhook-heading">Webhook</h2>
        <WebhookSetup />
        <WebhookSecrets />
      </section>
      <section aria-labelledby="webhook-deliveries-heading">
        <h2 id="webhook-deliveries-heading">Webhook deliveries</h2>
        {/* The log's filters live in the URL, which a static render cannot read. */}
        <Suspense fallback={<p aria-busy="true">Loading deliveries…</p>}>
          <WebhookDeliveries />
        </Suspense>
      </section>
      <section aria-labelledby="settings-heading" className="settings">
        <h2 id="settings-heading">Settings</h2>
        <p className="hint">
          Every threshold of the definitions (docs/metrics.md). Saving re-derives what is stored
          (detection labels, time-in-lieu accruals) and says what changed; reports compute the rest
          with the new settings at once.
        </p>
        <SettingsBands />
        <SettingsHolidays />
        <SettingsTimeInLieu />
        <SettingsDetection />
        <SettingsThresholds />
      </section>
    </>
  );
}
