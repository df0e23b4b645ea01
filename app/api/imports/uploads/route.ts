import { requireDataAdmin } from "@/lib/server/access/authorize";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { saveUpload } from "@/lib/server/imports/upload-store";

export const dynamic = "force-dynamic";

/**
 * `POST /api/imports/uploads` (admin) with the file's bytes as the body (one file per request, so
 * the browser can show upload progress): stored on disk, answered with the id `POST /api/imports`
 * takes. Refused before a byte is stored for anyone else.
 */
export const POST = authorizedRoute(async (request, viewer) => {
  requireDataAdmin(viewer);
  const { uploadId, bytes } = await saveUpload(request.body);
  return Response.json({ uploadId, bytes }, { status: 201 });
});
