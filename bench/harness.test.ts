import { describe, expect, it } from 'vitest';
import { findBenchmark, parseArgs, resolveOptions, UsageError } from './support/args.ts';
import { formatResultLine, median, ratioOf } from './support/result.ts';
import type { Benchmark } from './support/types.ts';

const fake = (name: string, options?: Benchmark['options']): Benchmark => ({
  name,
  description: `${name} benchmark`,
  ...(options ? { options } : {}),
  run: async () => {
    throw new Error('not run in tests');
  },
});

describe('parseArgs', () => {
  it('reads a name and options in both spellings', () => {
    expect(parseArgs(['http-session', '--duration', '5', '--connections=20'])).toEqual({
      kind: 'run',
      name: 'http-session',
      flags: { duration: '5', connections: '20' },
    });
  });

  it('answers --list and --help whatever else is there', () => {
    expect(parseArgs(['--list'])).toEqual({ kind: 'list' });
    expect(parseArgs(['http-session', '--list'])).toEqual({ kind: 'list' });
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('refuses a missing name, two names, a flag without value, a repeated flag, a short flag', () => {
    for (const argv of [
      [],
      ['a', 'b'],
      ['a', '--duration'],
      ['a', '--duration', '--connections', '3'],
      ['a', '--runs', '1', '--runs', '2'],
      ['a', '-d', '3'],
    ]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });
});

describe('resolveOptions', () => {
  it('applies the defaults: 10 s, 50 connections, and the benchmark’s own', () => {
    const own = { runs: { description: 'starts', default: 5, min: 1, max: 50 } };
    expect(resolveOptions({}, own)).toEqual({ duration: 10, connections: 50, options: { runs: 5 } });
    expect(resolveOptions({ runs: '3', duration: '2' }, own)).toEqual({
      duration: 2,
      connections: 50,
      options: { runs: 3 },
    });
  });

  it('refuses unknown options, fractions, words and values out of range', () => {
    const bad: Record<string, string>[] = [
      { runs: '3' },
      { duration: '1.5' },
      { duration: 'ten' },
      { duration: '' },
      { connections: '0' },
      { duration: '601' },
    ];
    for (const flags of bad) {
      expect(() => resolveOptions(flags), JSON.stringify(flags)).toThrow(UsageError);
    }
  });
});

describe('findBenchmark', () => {
  it('names the benchmarks there are when the name is unknown', () => {
    const registry = [fake('http-session'), fake('cold-start')];
    expect(findBenchmark(registry, 'cold-start').name).toBe('cold-start');
    expect(() => findBenchmark(registry, 'nope')).toThrow(
      /unknown benchmark "nope"; there are: http-session, cold-start/,
    );
  });
});

describe('ratioOf', () => {
  it('is value/baseline for throughput and baseline/value for times: higher is better for Saldo', () => {
    expect(ratioOf(600, 1000, 'higher-is-better')).toBeCloseTo(0.6);
    expect(ratioOf(2000, 1000, 'lower-is-better')).toBeCloseTo(0.5);
    expect(ratioOf(0, 1000, 'higher-is-better')).toBe(0);
  });

  it('refuses a zero denominator and figures that are not finite or negative', () => {
    expect(() => ratioOf(10, 0, 'higher-is-better')).toThrow(RangeError);
    expect(() => ratioOf(0, 10, 'lower-is-better')).toThrow(RangeError);
    expect(() => ratioOf(Number.NaN, 10, 'higher-is-better')).toThrow(RangeError);
    expect(() => ratioOf(-1, 10, 'higher-is-better')).toThrow(RangeError);
  });
});

describe('formatResultLine', () => {
  it('is one line with exactly name, metric, value, baseline, ratio, in that order, rounded', () => {
    const line = formatResultLine({
      name: 'http-session',
      metric: 'requests/s',
      value: 6123.456,
      baseline: 9876.54321,
      ratio: 6123.456 / 9876.54321,
      details: { saldo: { p99Ms: 12 } },
    });
    expect(line).not.toContain('\n');
    expect(line).toBe(
      '{"name":"http-session","metric":"requests/s","value":6123.46,"baseline":9876.54,"ratio":0.62}',
    );
    expect(Object.keys(JSON.parse(line))).toEqual(['name', 'metric', 'value', 'baseline', 'ratio']);
  });

  it('refuses figures that are not finite', () => {
    expect(() =>
      formatResultLine({ name: 'x', metric: 'ms', value: 1, baseline: 1, ratio: Number.POSITIVE_INFINITY }),
    ).toThrow(RangeError);
  });
});

describe('median', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});
