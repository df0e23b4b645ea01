/**
 * Runs `work` on every item, at most `lanes` at a time, in the items' order of starting. Once one
 * fails no further item is started; the call waits for those running, then throws the first error.
 */
export async function inParallel<T>(
  items: Iterable<T>,
  lanes: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (failure === null) {
      const next = iterator.next();
      if (next.done) return;
      try {
        await work(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
