import type { BenchResult } from './types.ts';

/**
 * Whether a bigger figure is better (throughput) or a smaller one (times, sizes). The ratio is
 * always oriented so that higher is better for Saldo:
 * - higher-is-better: ratio = value / baseline   (e.g. Saldo req/s ÷ baseline req/s)
 * - lower-is-better:  ratio = baseline / value   (e.g. baseline ms ÷ Saldo ms)
 */
export type Direction = 'higher-is-better' | 'lower-is-better';

export function ratioOf(value: number, baseline: number, direction: Direction): number {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || value < 0 || baseline < 0) {
    throw new RangeError(`cannot compare ${value} with ${baseline}`);
  }
  const [numerator, denominator] = direction === 'higher-is-better' ? [value, baseline] : [baseline, value];
  if (denominator === 0) throw new RangeError(`cannot compare ${value} with ${baseline}: division by zero`);
  return numerator / denominator;
}

export function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The harness's last stdout line: exactly {"name","metric","value","baseline","ratio"} in that
 * order, on one line. value and baseline keep 2 decimals, ratio 3; details never go here.
 */
export function formatResultLine(result: BenchResult): string {
  for (const key of ['value', 'baseline', 'ratio'] as const) {
    if (!Number.isFinite(result[key])) throw new RangeError(`${key} is not a finite number: ${result[key]}`);
  }
  return JSON.stringify({
    name: result.name,
    metric: result.metric,
    value: roundTo(result.value, 2),
    baseline: roundTo(result.baseline, 2),
    ratio: roundTo(result.ratio, 3),
  });
}

/** A short human summary printed before the result line. */
export function formatSummary(result: BenchResult): string {
  return `${result.name}: Saldo ${roundTo(result.value, 2)} ${result.metric}, baseline ${roundTo(result.baseline, 2)} ${result.metric}, ratio ${roundTo(result.ratio, 3)} (higher is better for Saldo)`;
}
