/** Parts are merged up to this size: few enough to search, small enough to copy cheaply. */
const PART_LENGTH = 64 * 1024;

/**
 * The stretch of a file's text a streaming reader still needs (the object or row it is in the
 * middle of), addressed by absolute character offset from the start of the file. Text before the
 * oldest offset still needed is dropped, so memory stays bounded by the largest single value, not
 * the file. Kept as a list of parts rather than one string: appending to a long string and then
 * slicing it copies the whole string each time, which is quadratic for small chunks.
 */
export class TextWindow {
  private parts: string[] = [];
  /** Absolute offset of each part's first character. */
  private partStarts: number[] = [];
  private endOffset = 0;

  /** Absolute offset just past the last character appended. */
  get end(): number {
    return this.endOffset;
  }

  append(text: string): void {
    if (text.length === 0) return;
    const lastIndex = this.parts.length - 1;
    const last = this.parts[lastIndex];
    if (last !== undefined && last.length < PART_LENGTH) {
      this.parts[lastIndex] = last + text;
    } else {
      this.parts.push(text);
      this.partStarts.push(this.endOffset);
    }
    this.endOffset += text.length;
  }

  /** The text from `start` (inclusive) to `end` (exclusive); both must still be held. */
  slice(start: number, end: number): string {
    let index = this.parts.length - 1;
    while (index > 0 && (this.partStarts[index] ?? 0) > start) index -= 1;
    const firstStart = this.partStarts[index];
    if (firstStart === undefined || firstStart > start) {
      throw new RangeError(`text at offset ${start} is no longer held`);
    }
    let text = "";
    for (; index < this.parts.length && (this.partStarts[index] ?? end) < end; index += 1) {
      const part = this.parts[index] ?? "";
      const partStart = this.partStarts[index] ?? 0;
      text += part.slice(Math.max(0, start - partStart), end - partStart);
    }
    return text;
  }

  /** Forgets whole parts that end at or before `offset`. */
  discardBefore(offset: number): void {
    let dropCount = 0;
    while (dropCount < this.parts.length - 1 && (this.partStarts[dropCount + 1] ?? 0) <= offset) {
      dropCount += 1;
    }
    const lastStart = this.partStarts[this.parts.length - 1];
    if (
      dropCount === this.parts.length - 1 &&
      lastStart !== undefined &&
      offset >= this.endOffset
    ) {
      // Everything is behind us: drop the last part as well.
      this.parts = [];
      this.partStarts = [];
      return;
    }
    if (dropCount > 0) {
      this.parts.splice(0, dropCount);
      this.partStarts.splice(0, dropCount);
    }
  }
}
