import { decodeUtf8 } from "./decode-utf8";

export interface TextLine {
  /** The line without its line break ("\n" or "\r\n"). */
  text: string;
  /** 1-based. */
  line: number;
}

/** A text file's lines, one at a time; only the line being read is held. */
export async function* readTextLines(
  input: AsyncIterable<Buffer | string>,
): AsyncGenerator<TextLine> {
  let partial = "";
  let line = 1;
  for await (const text of decodeUtf8(input)) {
    partial += text;
    let start = 0;
    for (let end = partial.indexOf("\n"); end !== -1; end = partial.indexOf("\n", start)) {
      yield { text: withoutCarriageReturn(partial.slice(start, end)), line };
      line += 1;
      start = end + 1;
    }
    partial = partial.slice(start);
  }
  if (partial.length > 0) yield { text: withoutCarriageReturn(partial), line };
}

function withoutCarriageReturn(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}
