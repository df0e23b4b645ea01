import { queryOptions } from "@tanstack/react-query";
import type { ImportRunDetail } from "@/lib/server/queries/get-import-run";
import type { ImportRunRow } from "@/lib/server/queries/list-import-runs";
import type { StartImportRequest } from "@/lib/shared/import-requests";
import { ApiRequestError, fetchJson, postJson } from "./fetch-json";

export type { ImportRunDetail, ImportRunRow };

const isRunning = (runs: ImportRunRow[] | undefined) =>
  runs?.some((run) => run.status === "running") ?? false;

/** The latest import runs; polled every second while one is still running. */
export function importRunsQueryOptions(batchId?: string) {
  const query = batchId ? `?batchId=${encodeURIComponent(batchId)}` : "";
  return queryOptions({
    queryKey: ["imports", { batchId: batchId ?? null }],
    queryFn: () => fetchJson<{ runs: ImportRunRow[] }>(`/api/imports${query}`),
    refetchInterval: (state) => (isRunning(state.state.data?.runs) ? 1_000 : false),
  });
}

export function importRunQueryOptions(runId: number, offset = 0) {
  return queryOptions({
    queryKey: ["imports", runId, { offset }],
    queryFn: () => fetchJson<ImportRunDetail>(`/api/imports/${runId}?offset=${offset}&limit=100`),
  });
}

/** Sends one file's bytes with upload progress (fetch cannot report it; XMLHttpRequest can). */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ uploadId: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/imports/uploads");
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = JSON.parse(request.responseText || "null") as {
        uploadId: string;
        bytes: number;
        error?: { code: string; message: string };
      } | null;
      if (request.status >= 200 && request.status < 300 && body) {
        onProgress(1);
        resolve(body);
      } else {
        reject(
          new ApiRequestError(
            request.status,
            body?.error?.code ?? "internal",
            body?.error?.message ?? `Upload of ${file.name} failed (${request.status}).`,
          ),
        );
      }
    };
    request.onerror = () =>
      reject(
        new ApiRequestError(
          0,
          "network",
          `Upload of ${file.name} failed: the server could not be reached.`,
        ),
      );
    request.send(file);
  });
}

export function startImport(request: StartImportRequest): Promise<{ batchId: string }> {
  return postJson("/api/imports", request);
}
