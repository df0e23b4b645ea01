import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { OFFLINE_TOOL_ENVIRONMENT } from "./offline-tool-environment";
import { isPortFree } from "./ports";
import { StartupError } from "./startup-error";

const require = createRequire(import.meta.url);
const READY_TIMEOUT_MS = 120_000;

export interface ServeOptions {
  root: string;
  port: number;
  databaseUrl: string;
  isDevelopment?: boolean;
  /** Extra environment for the server (tests). */
  environment?: Record<string, string>;
  /** Where the server's output goes: this process's stdout/stderr (default) or a log file. */
  logFile?: string;
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the production server (production-server.ts: Next's handler plus the webhook fast path)
 * or `next dev`, with the database URL, and waits until /api/health answers.
 */
export async function serveNext(options: ServeOptions): Promise<RunningServer> {
  if (!(await isPortFree(options.port))) {
    throw new StartupError(
      `Port ${options.port} is already in use, so the dashboard cannot listen on it.`,
      `Stop what uses it, or choose another port: PORT=${options.port + 1} npm start`,
    );
  }
  const entry = options.isDevelopment
    ? [require.resolve("next/dist/bin/next"), "dev"]
    : ["--import", "tsx", path.join(options.root, "lib/server/runtime/production-server.ts")];
  const child = spawn(process.execPath, [...entry, "--port", String(options.port)], {
    cwd: options.root,
    stdio: options.logFile
      ? ["ignore", logDescriptor(options.logFile), logDescriptor(options.logFile)]
      : "inherit",
    env: {
      ...process.env,
      ...OFFLINE_TOOL_ENVIRONMENT,
      ...options.environment,
      DATABASE_URL: options.databaseUrl,
      NODE_ENV: options.isDevelopment ? "development" : "production",
    },
  });
  const url = `http://localhost:${options.port}`;
  const stop = () => stopChild(child);
  try {
    await waitForHealth(`http://127.0.0.1:${options.port}/api/health`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, stop };
}

async function waitForHealth(healthUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new StartupError(
        `The dashboard server exited (code ${child.exitCode}).`,
        "See its output above.",
      );
    }
    try {
      const response = await fetch(healthUrl);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StartupError(
    `The dashboard did not answer ${healthUrl} within ${READY_TIMEOUT_MS / 1000} s.`,
    "See the server output above.",
  );
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function logDescriptor(file: string): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return fs.openSync(file, "a");
}
