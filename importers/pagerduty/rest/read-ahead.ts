/**
 * Runs an async iterable ahead of its consumer, so fetching the next pages overlaps writing the
 * last ones: a sync that fetches, then writes, then fetches spends its rate budget only while
 * fetching, and PagerDuty's 960 requests a minute are a budget to spend, not a ceiling to stay
 * under. Items still come out in order, in batches: everything fetched while the consumer was
 * busy (at most `maxBatch`), so a consumer whose writes cost more than a fetch writes several
 * pages in one commit instead of falling further behind.
 *
 * A failure of the source comes out after the items read before it, like a plain loop would
 * have met it. When the consumer stops early (it failed, or broke out of the loop) the source is
 * told to stop through `onStop` and then closed; its failure after that point is not reported.
 */
export interface ReadAheadOptions {
  /** Items held ahead of the consumer at most; the source waits while that many are unread. */
  depth: number;
  /** Items handed over at once at most; 1 keeps one item per step. */
  maxBatch?: number;
  /** Called when the consumer stops before the source ended (abort an in-flight request). */
  onStop?: () => void;
}

export async function* readAhead<T>(
  source: AsyncIterable<T>,
  { depth, maxBatch = 1, onStop }: ReadAheadOptions,
): AsyncGenerator<T[]> {
  if (!(depth >= 1 && maxBatch >= 1)) throw new Error("readAhead: depth and maxBatch must be ≥ 1");
  const iterator = source[Symbol.asyncIterator]();
  const buffer: T[] = [];
  let isEnded = false;
  let isStopped = false;
  let failure: { error: unknown } | null = null;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const signalConsumer = () => {
    wakeConsumer?.();
    wakeConsumer = null;
  };
  const signalProducer = () => {
    wakeProducer?.();
    wakeProducer = null;
  };

  const producer = (async () => {
    try {
      while (!isStopped) {
        if (buffer.length >= depth) {
          await new Promise<void>((resolve) => {
            wakeProducer = resolve;
          });
          continue;
        }
        const next = await iterator.next();
        if (next.done) return;
        buffer.push(next.value);
        signalConsumer();
      }
    } catch (error) {
      if (!isStopped) failure = { error };
    } finally {
      isEnded = true;
      signalConsumer();
    }
  })();

  try {
    for (;;) {
      if (buffer.length === 0) {
        if (isEnded) {
          if (failure !== null) throw (failure as { error: unknown }).error;
          return;
        }
        await new Promise<void>((resolve) => {
          wakeConsumer = resolve;
        });
        continue;
      }
      const batch = buffer.splice(0, maxBatch);
      signalProducer();
      yield batch;
    }
  } finally {
    if (!isEnded) {
      isStopped = true;
      onStop?.();
      signalProducer();
      await producer;
      await iterator.return?.();
    }
  }
}
