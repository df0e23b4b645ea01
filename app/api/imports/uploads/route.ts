import { withApiErrors } from "@/lib/server/http/api-error";
import { saveUpload } from "@/lib/server/imports/upload-store";

export const dynamic = "force-dynamic";

/**
 * `POST /api/imports/uploads` with the file's bytes as the body (one file per request, so the
 * browser can show upload progress): stored on disk, answered with the id `POST /api/imports` takes.
 */
export const POST = withApiErrors(async (request: Request) => {
  const { uploadId, bytes } = await saveUpload(request.body);
  return Response.json({ uploadId, bytes }, { status: 201 });
});
