"use client";

import { useState } from "react";
import { ImportRuns } from "./import-runs";
import { UploadForm } from "./upload-form";

export function DataScreen() {
  const [batchId, setBatchId] = useState<string | null>(null);
  return (
    <>
      <UploadForm onBatchStarted={setBatchId} />
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Import runs</h2>
        <ImportRuns highlightBatchId={batchId} />
      </section>
    </>
  );
}
