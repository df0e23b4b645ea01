/**
 * Reads a CSV file row by row in bounded memory, with the physical line each row starts on so an
 * admin can open the file there. papaparse does the CSV parsing; this module feeds it one chunk at
 * a time and uses the end offset papaparse reports for each row (`meta.cursor`) to cut the row's
 * exact text out of the input, which gives both `raw` and the line count (newlines inside quoted
 * cells included).
 */
import { Readable } from "node:stream";
import Papa, { type ParseError } from "papaparse";
import { decodeUtf8 } from "./decode-utf8";
import { FileFormatError } from "./file-format-error";
import { TextWindow } from "./text-window";

export type CsvRow =
  | { type: "header"; headers: string[]; line: 1 }
  | {
      type: "row";
      line: number;
      cells: Record<string, string>;
      /** The row's exact text as read, without its line break. */
      raw: string;
    }
  | { type: "malformed"; line: number; reason: string; raw: string };

/**
 * A row still open after this much text has a quote that is never closed; the rest of the file
 * would otherwise pile up in memory as one cell.
 */
const MAX_ROW_CHARS = 8 * 1024 * 1024;
/** How much text is gathered before the first line break must have appeared. */
const MAX_HEADER_SEARCH_CHARS = 1024 * 1024;
const DELIMITERS = [",", ";", "\t"] as const;

interface ParsedRow {
  cells: string[];
  /** Absolute offset just past the row's line break. */
  end: number;
  errors: ParseError[];
}

export async function* readCsvRows(input: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRow> {
  const chunks = decodeUtf8(input)[Symbol.asyncIterator]();
  const first = await readPastFirstLineBreak(chunks);
  const { delimiter, lineBreak } = dialectOf(first);

  const window = new TextWindow();
  const parsed: ParsedRow[] = [];
  const feed = new ChunkFeed();
  Papa.parse<string[]>(feed, {
    delimiter,
    newline: lineBreak,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (results) => {
      parsed.push({ cells: results.data, end: results.meta.cursor, errors: results.errors });
    },
  });

  let headers: string[] | null = null;
  let rowStart = 0;
  let nextLine = 1;
  const lineBreakCharacter = lineBreak === "\r" ? "\r" : "\n";

  function* takeRows(): Generator<CsvRow> {
    for (const row of parsed) {
      const text = window.slice(rowStart, row.end);
      const line = nextLine;
      nextLine += countOf(text, lineBreakCharacter);
      rowStart = row.end;
      const raw = withoutLineBreak(text);
      if (raw.trim() === "") continue;
      const cells = withoutCarriageReturn(row.cells, text);
      if (headers === null) {
        if (line !== 1) {
          throw new FileFormatError("line 1 is empty: a CSV must start with its header line");
        }
        headers = cells.map((header) => header.trim());
        yield { type: "header", headers, line: 1 };
        continue;
      }
      const reason = problemOf(row, cells.length, headers.length);
      if (reason !== null) {
        yield { type: "malformed", line, reason, raw };
        continue;
      }
      yield { type: "row", line, cells: cellsByHeader(headers, cells), raw };
    }
    parsed.length = 0;
    window.discardBefore(rowStart);
    if (window.end - rowStart > MAX_ROW_CHARS) {
      throw new FileFormatError(
        `the row starting at line ${nextLine} does not end within ${MAX_ROW_CHARS / 1024 / 1024} MB: a quoted cell is probably never closed (a stray " ?)`,
      );
    }
  }

  for (let text: string | null = first; text !== null; text = await nextText(chunks)) {
    window.append(text);
    feed.emit("data", text);
    yield* takeRows();
  }
  feed.emit("end");
  yield* takeRows();
  if (headers === null) throw new FileFormatError("the CSV is empty: it has no header line");
}

/**
 * The header and first data row from the start of a CSV (format detection reads only the first
 * ~64 KB), split the way `readCsvRows` splits the whole file. The row may be cut short.
 */
export function parseCsvHead(head: string): { headers: string[]; firstRow: string[] | null } {
  const text = head.replace(/^\uFEFF/, "");
  const { delimiter, lineBreak } = dialectOf(text);
  const result = Papa.parse<string[]>(text, {
    delimiter,
    newline: lineBreak,
    quoteChar: '"',
    escapeChar: '"',
    preview: 2,
    skipEmptyLines: "greedy",
  });
  const [header = [], firstRow] = result.data.map((cells) =>
    cells.map((cell, index) => (index === cells.length - 1 ? cell.replace(/\r$/, "") : cell)),
  );
  return { headers: header.map((cell) => cell.trim()), firstRow: firstRow ?? null };
}

/**
 * papaparse reads a Node stream by listening for "data" and parses each chunk inside that event,
 * before `emit` returns. Emitting the chunks ourselves lets the generator pull one chunk, take the
 * rows it completed and pass them on before reading the next, which is backpressure without
 * papaparse's pause()/resume() (whose `meta.cursor` is wrong after a resume, papaparse #1054).
 */
class ChunkFeed extends Readable {
  override _read(): void {}
}

async function nextText(chunks: AsyncIterator<string>): Promise<string | null> {
  const next = await chunks.next();
  return next.done ? null : next.value;
}

/** Gathers the first chunks until the header line's break is in view (or the file ends). */
async function readPastFirstLineBreak(chunks: AsyncIterator<string>): Promise<string> {
  let text = "";
  for (;;) {
    const lineBreakAt = text.search(/[\r\n]/);
    const isBreakKnown =
      lineBreakAt !== -1 && (text[lineBreakAt] === "\n" || lineBreakAt + 1 < text.length);
    if (isBreakKnown || text.length > MAX_HEADER_SEARCH_CHARS) return text;
    const next = await nextText(chunks);
    if (next === null) return text;
    text += next;
  }
}

/**
 * The delimiter (whichever of , ; tab is most frequent outside quotes in the header line) and the
 * line break. "\n" also reads CRLF files, and files that mix both after a hand edit: the "\r" left
 * at the end of a row is removed by `withoutCarriageReturn`. Only classic Mac files use "\r" alone.
 */
function dialectOf(text: string): { delimiter: string; lineBreak: "\n" | "\r" } {
  const lineBreakAt = text.search(/[\r\n]/);
  const headerLine = lineBreakAt === -1 ? text : text.slice(0, lineBreakAt);
  const counts = new Map<string, number>();
  let isQuoted = false;
  for (const character of headerLine) {
    if (character === '"') isQuoted = !isQuoted;
    else if (!isQuoted) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let delimiter: string = ",";
  for (const candidate of DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(delimiter) ?? 0)) delimiter = candidate;
  }
  const isClassicMac = text[lineBreakAt] === "\r" && text[lineBreakAt + 1] !== "\n";
  return { delimiter, lineBreak: lineBreakAt !== -1 && isClassicMac ? "\r" : "\n" };
}

function problemOf(row: ParsedRow, cellCount: number, headerCount: number): string | null {
  const quoteError = row.errors.find((error) => error.type === "Quotes");
  if (quoteError?.code === "MissingQuotes") {
    return "a quoted cell is not closed before the end of the file";
  }
  if (quoteError) {
    return 'a quoted cell has text after its closing quote (write a quote inside a quoted cell as "")';
  }
  if (cellCount !== headerCount) return `expected ${headerCount} columns, found ${cellCount}`;
  return null;
}

/** A CRLF row read with "\n" as the line break ends its last unquoted cell with "\r". */
function withoutCarriageReturn(cells: string[], text: string): string[] {
  const last = cells.at(-1);
  if (last === undefined || !last.endsWith("\r") || !text.endsWith("\r\n")) return cells;
  return [...cells.slice(0, -1), last.slice(0, -1)];
}

function withoutLineBreak(text: string): string {
  if (text.endsWith("\r\n")) return text.slice(0, -2);
  if (text.endsWith("\n") || text.endsWith("\r")) return text.slice(0, -1);
  return text;
}

/** Cells keyed by header; when a header repeats, its first column wins. */
function cellsByHeader(headers: string[], cells: string[]): Record<string, string> {
  const seen = new Set<string>();
  const entries: [string, string][] = [];
  headers.forEach((header, index) => {
    if (seen.has(header)) return;
    seen.add(header);
    entries.push([header, cells[index] ?? ""]);
  });
  return Object.fromEntries(entries);
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (
    let index = text.indexOf(character);
    index !== -1;
    index = text.indexOf(character, index + 1)
  ) {
    count += 1;
  }
  return count;
}
