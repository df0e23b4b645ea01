import { FileFormatError } from "./file-format-error";

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Decodes a file's chunks as UTF-8 text, chunk by chunk. A character whose bytes are split across
 * two chunks is held back until its last byte arrives, and a leading byte-order mark (Excel writes
 * one) is dropped, so readers see only the text. Bytes that are not UTF-8 (an Excel "CSV" saved in
 * Windows-1252) stop the file with a FileFormatError rather than turning names into "�".
 */
export async function* decodeUtf8(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
  let isFirst = true;
  let line = 1;
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      // Decoded leniently, the chunk shows where the first bad byte is ("\uFFFD").
      const lenient = chunk === undefined ? "" : new TextDecoder("utf-8").decode(chunk);
      const badLine =
        line + countLineBreaks(lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD"))));
      throw new FileFormatError(
        `the file is not UTF-8 text (line ${badLine} holds bytes that are not UTF-8): save it as UTF-8 (Excel: "CSV UTF-8") and import it again`,
      );
    }
  };
  for await (const chunk of input) {
    let text = typeof chunk === "string" ? chunk : decode(chunk);
    if (text.length === 0) continue;
    if (isFirst) {
      isFirst = false;
      if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
      if (text.length === 0) continue;
    }
    line += countLineBreaks(text);
    yield text;
  }
  const rest = decode();
  if (rest.length > 0) yield isFirst && rest.startsWith(BYTE_ORDER_MARK) ? rest.slice(1) : rest;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    count += 1;
  }
  return count;
}
