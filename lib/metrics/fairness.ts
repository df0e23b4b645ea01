/**
 * Fairness across a team's rotation members (PRODUCT.md → Definitions → "Fairness"): the Gini
 * coefficient (0 = even) of on-call hours, off-hours+sleep interruptions and weekend+holiday
 * hours, with a Lorenz curve and each person's share.
 */

function assertNonNegative(values: readonly number[]): void {
  for (const value of values) {
    if (!Number.isFinite(value) || value < 0) {
      // Hours and counts are never negative; one that is points at a bug upstream, not at unfairness.
      throw new RangeError(`fairness needs finite non-negative values, got ${value}`);
    }
  }
}

/**
 * Gini coefficient by mean absolute difference, G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ).
 * 0 when everyone carries the same load; with n people the largest possible value is (n − 1)/n
 * (one person carries everything), so it stays below 1. Null for an empty team; all zeros → 0.
 *
 * Computed in O(n log n) with the equivalent sorted form G = Σᵢ (2i − n − 1) x₍ᵢ₎ / (n Σx)
 * (i = 1…n over values sorted ascending); tests check it against the double sum.
 */
export function gini(values: readonly number[]): number | null {
  assertNonNegative(values);
  const count = values.length;
  if (count === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  if (total === 0) return 0;
  let weighted = 0;
  sorted.forEach((value, index) => {
    weighted += (2 * (index + 1) - count - 1) * value;
  });
  // Rounding can leave a tiny negative for an even team; Gini is never below 0.
  return Math.max(0, weighted / (count * total));
}

/** One point of a Lorenz curve: the poorest `populationShare` of people carry `valueShare`. */
export interface LorenzPoint {
  populationShare: number;
  valueShare: number;
}

/**
 * The Lorenz curve of a load: people sorted from least to most loaded, cumulative shares, from
 * (0, 0) to (1, 1). A team whose load is all zero is drawn on the line of equality.
 * An empty team has no curve ([]).
 */
export function lorenzCurve(values: readonly number[]): LorenzPoint[] {
  assertNonNegative(values);
  const count = values.length;
  if (count === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const points: LorenzPoint[] = [{ populationShare: 0, valueShare: 0 }];
  let cumulative = 0;
  sorted.forEach((value, index) => {
    cumulative += value;
    const populationShare = (index + 1) / count;
    points.push({
      populationShare,
      valueShare: total === 0 ? populationShare : cumulative / total,
    });
  });
  // Pin the last point: summing floats can end at 0.9999999999999999.
  const last = points[points.length - 1];
  if (last) last.valueShare = 1;
  return points;
}

/**
 * Each person's share of the team's total, in input order. Share is null when the total is 0:
 * nobody carries "0 %" of nothing.
 */
export function shares<Key>(
  entries: readonly { key: Key; value: number }[],
): { key: Key; value: number; share: number | null }[] {
  assertNonNegative(entries.map((entry) => entry.value));
  const total = entries.reduce((sum, entry) => sum + entry.value, 0);
  return entries.map(({ key, value }) => ({
    key,
    value,
    share: total === 0 ? null : value / total,
  }));
}
