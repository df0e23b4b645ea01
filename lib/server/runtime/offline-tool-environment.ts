/**
 * Environment for the Prisma and Next.js CLIs we spawn. Both phone home (Prisma's update
 * checkpoint, Next's telemetry); offline, Prisma's checkpoint child hangs on DNS for ~10 s and
 * holds our output pipes open, so every spawn turns them off.
 */
export const OFFLINE_TOOL_ENVIRONMENT = {
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  NEXT_TELEMETRY_DISABLED: "1",
} as const;
