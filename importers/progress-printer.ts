/** Progress on stderr: one rewritten line on a terminal, a line every 10% otherwise (CI logs). */
export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastPhase = "";
  let lastDecile = -1;
  return ({ phase, done, total }: { phase: string; done: number; total: number }) => {
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    if (stream.isTTY) {
      stream.write(
        `\r${phase}: ${percent}% (${done.toLocaleString("en")} of ${total.toLocaleString("en")})\u001b[K`,
      );
      if (percent === 100) stream.write("\n");
      return;
    }
    const decile = Math.floor(percent / 10);
    if (phase !== lastPhase || decile !== lastDecile) {
      stream.write(`${phase}: ${percent}%\n`);
      lastPhase = phase;
      lastDecile = decile;
    }
  };
}
