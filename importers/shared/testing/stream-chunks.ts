/** For tests: file content as the chunks a stream would deliver, and a stream's items as an array. */

/**
 * The content as Buffers of `sizes[0]`, `sizes[1]`, … bytes (cycling), so multi-byte characters
 * and JSON tokens get split wherever the sizes fall.
 */
export async function* chunksOf(
  content: string | Buffer,
  ...sizes: [number, ...number[]]
): AsyncGenerator<Buffer> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  let offset = 0;
  for (let index = 0; offset < bytes.length; index += 1) {
    const size = Math.max(1, sizes[index % sizes.length] ?? 1);
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}
