/**
 * `items.map(fn)` with at most `concurrency` calls in flight, results in input order. Per-object
 * requests (an incident, its custom fields) wait mostly on network latency, so a few in flight
 * get close to the rate limit where one at a time would not. After a failure no new call starts,
 * and the first error is thrown once the calls in flight have settled.
 */
export async function mapWithConcurrency<Item, Result>(
  items: readonly Item[],
  concurrency: number,
  fn: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  async function worker() {
    while (failure === null && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await fn(items[index] as Item);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
