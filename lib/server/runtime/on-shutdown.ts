type ShutdownStep = () => Promise<void> | void;

const steps: ShutdownStep[] = [];
let isShuttingDown = false;

/**
 * Runs the registered steps in reverse order of registration on SIGINT/SIGTERM (stop the web
 * server before the database it uses), then exits 0.
 */
export function onShutdown(step: ShutdownStep): void {
  if (steps.length === 0) {
    process.on("SIGINT", () => void shutDown("SIGINT"));
    process.on("SIGTERM", () => void shutDown("SIGTERM"));
  }
  steps.push(step);
}

async function shutDown(signal: string): Promise<void> {
  if (isShuttingDown) return;
  isShuttingDown = true;
  console.error(`\nfairshift: ${signal} received, shutting down…`);
  for (const step of [...steps].reverse()) {
    try {
      await step();
    } catch (error) {
      console.error(`fairshift: error during shutdown: ${(error as Error).message}`);
    }
  }
  process.exit(0);
}
