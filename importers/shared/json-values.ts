/**
 * Reads PagerDuty REST JSON dumps as a stream of objects, in bounded memory. A dump can be a page
 * (`{"incidents":[…],"more":false}`), a singular wrapper (`{"schedule":{…}}`), an Analytics page
 * (`{"data":[…],"time_zone":"Etc/UTC"}`), a bare entity (Port Ocean's per-object files), an array
 * of any of those, or NDJSON of any of those. A hand-written scanner walks the text chunk by chunk
 * (tracking strings, escapes and nesting) and `JSON.parse`s only the text of one element at a
 * time, so a page of five million log entries streams element by element.
 */
import { PAGERDUTY_LIST_KEYS } from "../pagerduty/records";
import { decodeUtf8 } from "./decode-utf8";
import { FileFormatError } from "./file-format-error";
import { TextWindow } from "./text-window";

export interface JsonRecord {
  value: unknown;
  /** The page key the value was listed under (`incidents`, `schedule`, `data`, …); null for a bare object. */
  resourceKey: string | null;
  /** The Analytics page's `time_zone`, for elements of its `data`; null otherwise. */
  timeZone: string | null;
  /** 1-based line where the value starts. */
  line: number;
}

const LIST_KEYS = new Set<string>([...PAGERDUTY_LIST_KEYS, "priorities"]);
const ANALYTICS_KEY = "data";
const WRAPPER_KEYS = new Set([
  "incident",
  "log_entry",
  "user",
  "service",
  "team",
  "schedule",
  "escalation_policy",
  "priority",
]);
/** Keys a page carries besides its resource: REST offset and cursor paging, Analytics paging. */
const PAGE_META_KEYS = new Set([
  "limit",
  "offset",
  "more",
  "total",
  "cursor",
  "next_cursor",
  "first",
  "last",
  "starting_after",
  "ending_before",
  "time_zone",
  "filters",
  "order",
  "order_by",
  "responder_id",
]);

/**
 * An object is a page only when every key is a page key, but an entity can start with a key that
 * looks like a page's (Port Ocean's on-call items start with `escalation_policy`, sorted schedules
 * with `escalation_policies`). So an object stays undecided, its text and its elements held, until
 * a non-page key makes it an entity or it closes as a page. Past this size it is taken to be a page
 * and streamed: no entity embeds megabytes of one list before its own fields.
 */
const MAX_UNDECIDED_CHARS = 8 * 1024 * 1024;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters end a JSON string scan.
const STRING_STOP = /["\\\u0000-\u001f]/g;
const WORD = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

type Expect = "top" | "value" | "value-or-end" | "key" | "key-or-end" | "colon" | "comma-or-end";

interface Candidate {
  status: "undecided" | "entity" | "page";
  /** Elements read while undecided, and Analytics rows waiting for the page's `time_zone`. */
  pending: JsonRecord[];
  pendingChars: number;
  hasTimeZone: boolean;
  timeZone: string | null;
}

/** What a value is to the reader, decided from where it starts. */
type Role =
  | { name: "list" }
  | { name: "candidate"; candidate: Candidate }
  | { name: "list-other" }
  | { name: "resource-list"; owner: Candidate; key: string }
  | { name: "element"; owner: Candidate; key: string }
  | { name: "time-zone"; owner: Candidate }
  | { name: "inner" };

interface OpenValue {
  kind: "object" | "array" | "string" | "word";
  role: Role;
  start: number;
  line: number;
  /** Object frames of candidates: the key whose value comes next. */
  key: string | null;
}

export async function* readJsonRecords(
  input: AsyncIterable<Buffer | string>,
): AsyncGenerator<JsonRecord> {
  const scanner = new JsonScanner();
  for await (const text of decodeUtf8(input)) {
    scanner.push(text);
    yield* scanner.takeOutput();
  }
  scanner.finish();
  yield* scanner.takeOutput();
}

class JsonScanner {
  private readonly window = new TextWindow();
  private output: JsonRecord[] = [];
  private readonly stack: OpenValue[] = [];
  private expect: Expect = "top";
  private line = 1;
  private chunkStart = 0;
  /** The string or word being read, if any (not on the stack: it cannot contain values). */
  private scalar: OpenValue | null = null;
  private escape: "none" | "backslash" | number = "none";
  private scalarText = "";
  private isKey = false;
  private isKeyCaptured = false;

  takeOutput(): JsonRecord[] {
    const output = this.output;
    this.output = [];
    return output;
  }

  push(text: string): void {
    this.chunkStart = this.window.end;
    this.window.append(text);
    let index = 0;
    while (index < text.length) {
      if (this.scalar?.kind === "string") {
        index = this.scanString(text, index);
        continue;
      }
      const code = text.charCodeAt(index);
      if (this.scalar?.kind === "word") {
        if (isWordCharacter(code)) {
          this.scalarText += text[index];
          index += 1;
          continue;
        }
        this.endWord(this.chunkStart + index);
      }
      if (code === 0x0a) {
        this.line += 1;
      } else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) {
        this.structural(text[index] ?? "", this.chunkStart + index);
      }
      index += 1;
    }
    this.window.discardBefore(this.oldestOffsetNeeded());
  }

  finish(): void {
    if (this.scalar?.kind === "word" && this.stack.length > 0) {
      this.endWord(this.window.end);
    }
    const open = this.stack[0] ?? this.scalar;
    if (open) {
      throw new FileFormatError(
        `the file ends in the middle of a JSON value (truncated?): the value starting at line ${open.line} is not closed`,
      );
    }
  }

  private structural(character: string, offset: number): void {
    switch (this.expect) {
      case "top":
      case "value":
        this.beginValue(character, offset);
        return;
      case "value-or-end":
        if (character === "]") this.closeContainer(offset);
        else this.beginValue(character, offset);
        return;
      case "key-or-end":
        if (character === "}") this.closeContainer(offset);
        else this.beginKey(character);
        return;
      case "key":
        this.beginKey(character);
        return;
      case "colon":
        if (character !== ":") throw this.unexpected(character, 'expected ":"');
        this.expect = "value";
        return;
      case "comma-or-end": {
        const container = this.stack.at(-1);
        if (character === ",") {
          this.expect = container?.kind === "object" ? "key" : "value";
        } else if (
          (character === "}" && container?.kind === "object") ||
          (character === "]" && container?.kind === "array")
        ) {
          this.closeContainer(offset);
        } else {
          throw this.unexpected(
            character,
            container?.kind === "object" ? 'expected "," or "}"' : 'expected "," or "]"',
          );
        }
        return;
      }
    }
  }

  private beginKey(character: string): void {
    if (character !== '"') throw this.unexpected(character, "expected a quoted key");
    const container = this.stack.at(-1);
    this.isKey = true;
    this.isKeyCaptured =
      container?.role.name === "candidate" && container.role.candidate.status !== "entity";
    this.scalar = { kind: "string", role: { name: "inner" }, start: 0, line: this.line, key: null };
    this.scalarText = "";
  }

  private beginValue(character: string, offset: number): void {
    const kind =
      character === "{"
        ? "object"
        : character === "["
          ? "array"
          : character === '"'
            ? "string"
            : isWordStart(character.charCodeAt(0))
              ? "word"
              : null;
    if (kind === null) {
      throw this.unexpected(
        character,
        this.stack.length === 0
          ? "a PagerDuty JSON export holds objects or arrays"
          : "expected a value",
      );
    }
    const role = this.roleOfValue(kind, character);
    const value: OpenValue = { kind, role, start: offset, line: this.line, key: null };
    if (kind === "object" || kind === "array") {
      this.stack.push(value);
      this.expect = kind === "object" ? "key-or-end" : "value-or-end";
    } else {
      this.scalar = value;
      this.isKey = false;
      this.isKeyCaptured = false;
      this.scalarText = kind === "word" ? character : "";
    }
  }

  private roleOfValue(kind: OpenValue["kind"], character: string): Role {
    const container = this.stack.at(-1);
    if (container === undefined) {
      if (kind === "object") return { name: "candidate", candidate: newCandidate() };
      if (kind === "array") return { name: "list" };
      throw this.unexpected(character, "a PagerDuty JSON export holds objects or arrays");
    }
    const role = container.role;
    if (role.name === "list") {
      return kind === "object"
        ? { name: "candidate", candidate: newCandidate() }
        : { name: "list-other" };
    }
    if (role.name === "resource-list") return { name: "element", owner: role.owner, key: role.key };
    if (role.name !== "candidate" || role.candidate.status === "entity") return { name: "inner" };

    const candidate = role.candidate;
    const key = container.key ?? "";
    if ((LIST_KEYS.has(key) || key === ANALYTICS_KEY) && kind === "array") {
      return { name: "resource-list", owner: candidate, key };
    }
    if (WRAPPER_KEYS.has(key) && kind === "object") {
      return { name: "element", owner: candidate, key };
    }
    if (key === "time_zone") return { name: "time-zone", owner: candidate };
    if (PAGE_META_KEYS.has(key)) return { name: "inner" };
    if (candidate.status === "undecided") {
      candidate.status = "entity";
      candidate.pending = [];
      candidate.pendingChars = 0;
    }
    // A stray key in an object already streamed as a page is skipped.
    return { name: "inner" };
  }

  private closeContainer(offset: number): void {
    const container = this.stack.pop();
    if (container === undefined) throw new Error("closeContainer with an empty stack");
    this.endValue(container, offset + 1);
  }

  /** Reads string text from `index`; returns the index after what it consumed. */
  private scanString(text: string, start: number): number {
    let index = start;
    while (index < text.length) {
      if (this.escape === "none") {
        // Jump to the next quote, backslash or control character: most string text is plain.
        STRING_STOP.lastIndex = index;
        index = STRING_STOP.test(text) ? STRING_STOP.lastIndex - 1 : text.length;
        if (index === text.length) break;
      }
      const code = text.charCodeAt(index);
      if (this.escape === "none") {
        if (code === 0x22) {
          if (this.isKeyCaptured) this.scalarText += text.slice(start, index);
          this.endString(this.chunkStart + index + 1);
          return index + 1;
        }
        if (code === 0x5c) this.escape = "backslash";
        else if (code < 0x20) {
          throw new FileFormatError(
            code === 0x0a
              ? `not valid JSON at line ${this.line}: the line ends inside a string (a closing quote is missing)`
              : `not valid JSON at line ${this.line}: a string holds the control character U+${code.toString(16).padStart(4, "0").toUpperCase()}`,
          );
        }
      } else if (this.escape === "backslash") {
        if (code === 0x75) this.escape = 4;
        else if ('"\\/bfnrt'.includes(text[index] ?? "")) this.escape = "none";
        else throw this.unexpected(`\\${text[index]}`, "not a JSON escape");
      } else {
        if (!/[0-9a-fA-F]/.test(text[index] ?? "")) {
          throw this.unexpected(text[index] ?? "", "expected a hex digit of a \\u escape");
        }
        this.escape = this.escape === 1 ? "none" : this.escape - 1;
      }
      index += 1;
    }
    if (this.isKeyCaptured) this.scalarText += text.slice(start);
    return index;
  }

  private endString(end: number): void {
    const scalar = this.scalar;
    this.scalar = null;
    if (this.isKey) {
      const container = this.stack.at(-1);
      if (container) container.key = this.isKeyCaptured ? parseKey(this.scalarText) : null;
      this.expect = "colon";
      return;
    }
    if (scalar) this.endValue(scalar, end);
  }

  private endWord(end: number): void {
    const scalar = this.scalar;
    this.scalar = null;
    if (!WORD.test(this.scalarText)) {
      throw new FileFormatError(
        `not valid JSON at line ${this.line}: unexpected "${this.scalarText}"`,
      );
    }
    if (scalar) this.endValue(scalar, end);
  }

  private endValue(value: OpenValue, end: number): void {
    this.expect = this.stack.length === 0 ? "top" : "comma-or-end";
    const role = value.role;
    switch (role.name) {
      case "candidate": {
        const candidate = role.candidate;
        if (candidate.status === "entity") {
          this.output.push({
            value: this.parseSlice(value.start, end, value.line),
            resourceKey: null,
            timeZone: null,
            line: value.line,
          });
        } else {
          candidate.status = "page";
          this.flushPending(candidate, true);
        }
        return;
      }
      case "list-other":
        this.output.push({
          value: this.parseSlice(value.start, end, value.line),
          resourceKey: null,
          timeZone: null,
          line: value.line,
        });
        return;
      case "element":
        this.addElement(
          role.owner,
          {
            value: this.parseSlice(value.start, end, value.line),
            resourceKey: role.key,
            timeZone: null,
            line: value.line,
          },
          end - value.start,
        );
        return;
      case "time-zone": {
        const timeZone = this.parseSlice(value.start, end, value.line);
        role.owner.hasTimeZone = true;
        role.owner.timeZone = typeof timeZone === "string" && timeZone !== "" ? timeZone : null;
        if (role.owner.status === "page") this.flushPending(role.owner, false);
        return;
      }
      default:
        return;
    }
  }

  private addElement(candidate: Candidate, record: JsonRecord, length: number): void {
    const waitsForTimeZone = record.resourceKey === ANALYTICS_KEY && !candidate.hasTimeZone;
    if (candidate.status === "page" && !waitsForTimeZone) {
      this.output.push(this.withTimeZone(record, candidate));
      return;
    }
    candidate.pending.push(record);
    candidate.pendingChars += length;
    if (
      candidate.status === "undecided" &&
      this.openCandidateSize(candidate) > MAX_UNDECIDED_CHARS
    ) {
      candidate.status = "page";
      this.flushPending(candidate, false);
    }
    if (candidate.status === "page" && candidate.pendingChars > MAX_UNDECIDED_CHARS) {
      throw new FileFormatError(
        `the Analytics page holding line ${record.line} is too large to read: its "data" rows pass ${MAX_UNDECIDED_CHARS / 1024 / 1024} MB before its "time_zone" says which zone their times are in (PagerDuty returns at most 1000 rows a page)`,
      );
    }
  }

  /** Emits held elements; Analytics rows keep waiting unless the page's time zone is known or it has closed. */
  private flushPending(candidate: Candidate, isClosed: boolean): void {
    const waiting: JsonRecord[] = [];
    for (const record of candidate.pending) {
      if (!isClosed && record.resourceKey === ANALYTICS_KEY && !candidate.hasTimeZone) {
        waiting.push(record);
      } else {
        this.output.push(this.withTimeZone(record, candidate));
      }
    }
    candidate.pending = waiting;
    candidate.pendingChars = waiting.length === 0 ? 0 : candidate.pendingChars;
  }

  private withTimeZone(record: JsonRecord, candidate: Candidate): JsonRecord {
    return record.resourceKey === ANALYTICS_KEY
      ? { ...record, timeZone: candidate.timeZone }
      : record;
  }

  private openCandidateSize(candidate: Candidate): number {
    const frame = this.stack.find(
      (open) => open.role.name === "candidate" && open.role.candidate === candidate,
    );
    return frame ? this.window.end - frame.start : 0;
  }

  private parseSlice(start: number, end: number, line: number): unknown {
    const text = this.window.slice(start, end);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new FileFormatError(
        `not valid JSON in the value starting at line ${line}: ${(error as Error).message}`,
      );
    }
  }

  /** The oldest text still needed: an undecided or entity object, an element, a time zone being read. */
  private oldestOffsetNeeded(): number {
    let oldest = this.window.end;
    const consider = (open: OpenValue) => {
      const role = open.role;
      const isNeeded =
        (role.name === "candidate" && role.candidate.status !== "page") ||
        role.name === "element" ||
        role.name === "list-other" ||
        role.name === "time-zone";
      if (isNeeded && open.start < oldest) oldest = open.start;
    };
    for (const open of this.stack) consider(open);
    if (this.scalar) consider(this.scalar);
    return oldest;
  }

  private unexpected(found: string, hint: string): FileFormatError {
    return new FileFormatError(
      `not valid JSON at line ${this.line}: unexpected "${found}" (${hint})`,
    );
  }
}

function newCandidate(): Candidate {
  return { status: "undecided", pending: [], pendingChars: 0, hasTimeZone: false, timeZone: null };
}

function parseKey(raw: string): string {
  return JSON.parse(`"${raw}"`) as string;
}

function isWordStart(code: number): boolean {
  return (
    code === 0x2d ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x74 ||
    code === 0x66 ||
    code === 0x6e
  );
}

function isWordCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x2b ||
    code === 0x2d ||
    code === 0x2e
  );
}
