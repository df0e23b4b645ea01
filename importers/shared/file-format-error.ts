/**
 * A file that cannot be read as the format it was given as: truncated, not JSON, a CSV whose
 * header fits no known export. The import stops and writes nothing; the message says what is
 * wrong and where, for the person who chose the file.
 */
export class FileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileFormatError";
  }
}
