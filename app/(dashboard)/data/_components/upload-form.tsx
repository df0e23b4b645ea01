"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { startImport, uploadFile } from "@/lib/client/imports";
import { UPLOAD_FORMATS } from "@/lib/shared/import-requests";

type FileState = { name: string; fraction: number };

const FORMAT_LABELS: Record<(typeof UPLOAD_FORMATS)[number], string> = {
  auto: "Detect from the file",
  "pd-rest-json": "PagerDuty REST JSON (pages, arrays, NDJSON)",
  "pd-insights-csv": "Insights / Analytics “Export CSV”",
  "pd-legacy-csv": "Legacy Reports CSV",
  "mapped-csv": "Other CSV with a column mapping",
  ical: "iCal on-call feed",
  "shifts-csv": "Shifts CSV",
};

/**
 * Upload one or more files as one batch: each file's bytes go up with a progress bar, then the
 * batch is imported on the server and its runs appear below as they progress.
 */
export function UploadForm({ onBatchStarted }: { onBatchStarted: (batchId: string) => void }) {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<FileState[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = form
      .getAll("files")
      .filter((value): value is File => value instanceof File && value.size > 0);
    if (chosen.length === 0) {
      setError("Choose at least one file.");
      return;
    }
    setError(null);
    setIsBusy(true);
    setFiles(chosen.map((file) => ({ name: file.name, fraction: 0 })));
    try {
      const uploads = [];
      for (const [index, file] of chosen.entries()) {
        const { uploadId } = await uploadFile(file, (fraction) =>
          setFiles((current) =>
            current.map((state, at) => (at === index ? { ...state, fraction } : state)),
          ),
        );
        uploads.push({ uploadId, fileName: file.name });
      }
      const mappingText = String(form.get("mapping") ?? "").trim();
      const { batchId } = await startImport({
        uploads,
        format: String(form.get("format")) as (typeof UPLOAD_FORMATS)[number],
        timeZone: String(form.get("timeZone") ?? "").trim() || null,
        isDryRun: form.get("isDryRun") === "on",
        ...(mappingText ? { mapping: parseMapping(mappingText) } : {}),
      });
      onBatchStarted(batchId);
      await queryClient.invalidateQueries({ queryKey: ["imports"] });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="panel upload-form" onSubmit={submit} aria-labelledby="upload-heading">
      <h2 id="upload-heading">Import files</h2>
      <p className="hint">
        Files chosen together are one batch: their order does not matter. Importing the same file
        again changes nothing.
      </p>
      <label>
        Files
        <input type="file" name="files" multiple required disabled={isBusy} />
      </label>
      <label>
        Format
        <select name="format" defaultValue="auto" disabled={isBusy}>
          {UPLOAD_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Time zone for timestamps without an offset (Analytics exports, CSVs)
        <input type="text" name="timeZone" placeholder="e.g. Europe/Stockholm" disabled={isBusy} />
      </label>
      <label>
        Column mapping (JSON, for “Other CSV”)
        <textarea
          name="mapping"
          rows={3}
          placeholder='{"kind":"incidents","columns":{"id":"Ticket",…}}'
          disabled={isBusy}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="isDryRun" disabled={isBusy} /> Dry run: validate and count,
        write nothing
      </label>
      <button type="submit" disabled={isBusy}>
        {isBusy ? "Uploading…" : "Upload and import"}
      </button>
      {files.length > 0 && (
        <ul className="upload-progress" aria-label="Upload progress">
          {files.map((file) => (
            <li key={file.name}>
              <span>{file.name}</span>
              <progress max={1} value={file.fraction} aria-label={`${file.name} uploaded`} />
              <span className="number">{Math.round(file.fraction * 100)}%</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function parseMapping(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("The column mapping is not valid JSON.");
  }
}
