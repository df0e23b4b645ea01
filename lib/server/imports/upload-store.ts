import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { dataDirectory } from "../env";
import { ApiError } from "../http/api-error";

/** Uploads larger than this are refused; use `fairshift import` on the server for bigger files. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
const UPLOAD_ID = /^[0-9a-f-]{36}$/;

function uploadsDirectory(): string {
  return path.join(dataDirectory(), "uploads");
}

export function uploadPath(uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) {
    throw new ApiError(
      "bad_request",
      `"${uploadId}" is not an upload id returned by /api/imports/uploads.`,
    );
  }
  return path.join(uploadsDirectory(), uploadId);
}

/**
 * Streams a request body to disk under FAIRSHIFT_DATA_DIR/uploads (never whole in memory), so the
 * import can read it as a file; refuses bodies past MAX_UPLOAD_BYTES while they arrive.
 */
export async function saveUpload(
  body: ReadableStream<Uint8Array> | null,
): Promise<{ uploadId: string; bytes: number }> {
  if (body === null)
    throw new ApiError("bad_request", "The upload has no body: send the file's bytes.");
  await mkdir(uploadsDirectory(), { recursive: true });
  const uploadId = randomUUID();
  const target = uploadPath(uploadId);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) {
        callback(
          new ApiError(
            "bad_request",
            "The file is larger than 4 GiB: import it with `fairshift import` on the server.",
          ),
        );
        return;
      }
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as WebReadableStream<Uint8Array>),
      limit,
      createWriteStream(target),
    );
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
  if ((await stat(target)).size === 0) {
    await rm(target, { force: true });
    throw new ApiError("bad_request", "The file is empty.");
  }
  return { uploadId, bytes };
}

export async function removeUploads(uploadIds: readonly string[]): Promise<void> {
  await Promise.all(uploadIds.map((id) => rm(uploadPath(id), { force: true })));
}
