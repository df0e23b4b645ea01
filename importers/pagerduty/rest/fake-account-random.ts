/** A seeded PRNG (mulberry32) and PagerDuty-style ids, so a seed always builds the same account. */

export interface SeededRandom {
  /** In [0, 1). */
  next(): number;
  integer(min: number, maxInclusive: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A unique id: `prefix` then upper-case letters and digits, `length` characters in all. */
  id(prefix: string, length: number): string;
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const issued = new Set<string>();
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  const random: SeededRandom = {
    next,
    integer: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    chance: (probability) => next() < probability,
    pick(items) {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick() from an empty list");
      return item;
    },
    id(prefix, length) {
      for (;;) {
        let id = prefix;
        while (id.length < length) id += ID_ALPHABET[Math.floor(next() * ID_ALPHABET.length)];
        if (!issued.has(id)) {
          issued.add(id);
          return id;
        }
      }
    },
  };
  return random;
}

/** 32 lower-case hex digits, like a web-triggered incident's `incident_key`. */
export function hexKey(random: SeededRandom): string {
  let key = "";
  while (key.length < 32) key += Math.floor(random.next() * 16).toString(16);
  return key;
}
