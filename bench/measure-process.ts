import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

const GNU_TIME = "/usr/bin/time";
const SAMPLE_INTERVAL_MS = 50;

export interface MeasureOptions {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Where stdout goes; without it stdout is collected into `stdout`. */
  stdoutPath?: string;
  /** Every stderr line, with the time it arrived (ms since the start). */
  onStderrLine?: (line: string, elapsedMs: number) => void;
  /** Every stdout line when stdout is collected, with the time it arrived. */
  onStdoutLine?: (line: string, elapsedMs: number) => void;
}

export interface Measurement {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  /** null when neither GNU time nor /proc could tell. */
  peakRssBytes: number | null;
  rssSource: "gnu-time" | "proc-sampling";
  stdout: string;
}

const running = new Set<ChildProcess>();

/** Stops every measured process still running (Ctrl-C): each runs in its own process group. */
export function killRunningProcesses(): void {
  for (const child of running) {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  }
}

let hasGnuTimeCache: boolean | undefined;

/** GNU time reports the child's peak RSS exactly; CI images often lack it, so it is optional. */
async function hasGnuTime(): Promise<boolean> {
  if (hasGnuTimeCache === undefined) {
    hasGnuTimeCache = await new Promise<boolean>((resolve) => {
      const probe = spawn(GNU_TIME, ["-f", "%M", "true"], { stdio: "ignore" });
      probe.on("error", () => resolve(false));
      probe.on("close", (code) => resolve(code === 0));
    });
  }
  return hasGnuTimeCache;
}

/**
 * Runs a command to completion and measures its wall time and peak resident memory: through
 * `/usr/bin/time -f %M` when present, otherwise by sampling the child's VmHWM (its own peak so
 * far, so a 50 ms sampling gap loses at most the last 50 ms of growth).
 */
export async function measureProcess(options: MeasureOptions): Promise<Measurement> {
  const useGnuTime = await hasGnuTime();
  const timeFile = path.join(
    os.tmpdir(),
    `fairshift-bench-time-${process.pid}-${Date.now().toString(36)}.txt`,
  );
  const [command, args] = useGnuTime
    ? [GNU_TIME, ["-f", "%M", "-o", timeFile, options.command, ...options.args]]
    : [options.command, options.args];

  // The file itself, not a pipe, as stdout: the CLI exits right after its last write, and Node
  // drops whatever a full pipe (64 KiB) has not taken yet, while writes to a file are synchronous.
  const stdoutFile =
    options.stdoutPath === undefined ? undefined : await fs.open(options.stdoutPath, "w");
  const startedAt = performance.now();
  // Its own process group, so Ctrl-C handling can stop GNU time and the command under it together.
  const child = spawn(command, args, {
    env: options.env,
    stdio: ["ignore", stdoutFile?.fd ?? "pipe", "pipe"],
    detached: true,
  });
  running.add(child);

  let stdout = "";
  const stdoutDone = new Promise<void>((resolve) => {
    if (!child.stdout) return resolve();
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      stdout += `${line}\n`;
      options.onStdoutLine?.(line, performance.now() - startedAt);
    });
    lines.on("close", resolve);
  });
  const stderrDone = new Promise<void>((resolve) => {
    if (!child.stderr) return resolve();
    const lines = createInterface({ input: child.stderr });
    lines.on("line", (line) => options.onStderrLine?.(line, performance.now() - startedAt));
    lines.on("close", resolve);
  });

  let sampledPeakKib = 0;
  const sampler = useGnuTime
    ? undefined
    : setInterval(() => {
        if (child.pid === undefined) return;
        void readPeakKib(child.pid).then((kib) => {
          if (kib !== null && kib > sampledPeakKib) sampledPeakKib = kib;
        });
      }, SAMPLE_INTERVAL_MS);

  try {
    const { exitCode, signal } = await new Promise<{
      exitCode: number | null;
      signal: NodeJS.Signals | null;
    }>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code, exitSignal) => resolve({ exitCode: code, signal: exitSignal }));
    });
    const wallMs = performance.now() - startedAt;
    await Promise.all([stdoutDone, stderrDone]);
    const peakKib = useGnuTime ? await readGnuTimePeakKib(timeFile) : sampledPeakKib || null;
    return {
      exitCode,
      signal,
      wallMs,
      peakRssBytes: peakKib === null ? null : peakKib * 1024,
      rssSource: useGnuTime ? "gnu-time" : "proc-sampling",
      stdout,
    };
  } finally {
    if (sampler) clearInterval(sampler);
    running.delete(child);
    await stdoutFile?.close();
    await fs.rm(timeFile, { force: true });
  }
}

/** VmHWM ("high water mark"): the peak RSS of the process so far, in KiB. */
async function readPeakKib(pid: number): Promise<number | null> {
  try {
    const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status) ?? /^VmRSS:\s+(\d+) kB$/m.exec(status);
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null;
  }
}

/** GNU time writes "Command exited with non-zero status N" before the format line on failure. */
async function readGnuTimePeakKib(timeFile: string): Promise<number | null> {
  try {
    const lines = (await fs.readFile(timeFile, "utf8")).trim().split("\n");
    const kib = Number(lines.at(-1));
    return Number.isFinite(kib) && kib > 0 ? kib : null;
  } catch {
    return null;
  }
}
