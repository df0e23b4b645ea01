import type { Random } from "./random";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** PagerDuty's 7-character ids (`P` + 6) for users, teams, services, schedules and policies. */
export class PagerDutyIdFactory {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  next(prefix = "P"): string {
    for (;;) {
      const id = prefix + this.random.upperAlphanumeric(6);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

/** lowbias32 (Chris Wellons): xorshifts and odd multipliers are bijections on 32-bit integers. */
function permute32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function base36(value: number, length: number): string {
  let text = "";
  let rest = value;
  for (let index = 0; index < length; index++) {
    text = ALPHABET[rest % 36] + text;
    rest = Math.floor(rest / 36);
  }
  return text;
}

/**
 * 14-character ids (`Q…` incidents, `R…` log entries) that look random but are a pure function of
 * the row's sequence number: the last 7 characters encode a bijection of it (36^7 > 2^32), so two
 * rows can never collide and no set of used ids has to be kept in memory at large scale.
 */
export function sequencePagerDutyId(prefix: string, sequence: number, salt: number): string {
  const unique = permute32((sequence ^ salt) >>> 0);
  const filler = permute32((unique + salt) >>> 0) % 36 ** 6;
  return prefix + base36(filler, 6) + base36(unique, 7);
}

/** A per-seed salt so different seeds give different ids for the same sequence numbers. */
export function idSalt(random: Random): number {
  return Math.floor(random.next() * 4294967296) >>> 0;
}
