import type { Benchmark, OptionSpec } from './types.ts';

/** A mistake on the command line: the harness prints it with the usage and exits with status 2. */
export class UsageError extends Error {}

export type ParsedArgs =
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'run'; name: string; flags: Record<string, string> };

/** Options every benchmark accepts (those that apply no load simply ignore them). */
export const commonOptions: Record<string, OptionSpec> = {
  duration: { description: 'seconds of measured load per server', default: 10, min: 1, max: 600 },
  connections: {
    description: 'concurrent connections of the load generator',
    default: 50,
    min: 1,
    max: 1000,
  },
};

/**
 * `<name> [--option <n> | --option=<n>]…`, or `--list`, or `--help`. Knows nothing of which
 * options exist: resolveOptions checks them against the chosen benchmark.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--list')) return { kind: 'list' };
  const names: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      let value: string | undefined;
      if (eq !== -1) {
        value = arg.slice(eq + 1);
      } else {
        value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${key} needs a value`);
        i++;
      }
      if (!key) throw new UsageError(`unexpected "${arg}"`);
      if (key in flags) throw new UsageError(`--${key} given twice`);
      flags[key] = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      names.push(arg);
    }
  }
  if (names.length === 0) throw new UsageError('name a benchmark to run');
  if (names.length > 1) throw new UsageError(`run one benchmark at a time (got ${names.join(', ')})`);
  return { kind: 'run', name: names[0]!, flags };
}

/** The benchmark called `name`, or a UsageError that lists the ones there are. */
export function findBenchmark(registry: readonly Benchmark[], name: string): Benchmark {
  const found = registry.find((b) => b.name === name);
  if (!found) {
    throw new UsageError(`unknown benchmark "${name}"; there are: ${registry.map((b) => b.name).join(', ')}`);
  }
  return found;
}

function parseWhole(key: string, raw: string, spec: OptionSpec): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n))
    throw new UsageError(`--${key} must be a whole number (got "${raw}")`);
  if (n < spec.min || n > spec.max)
    throw new UsageError(`--${key} must be between ${spec.min} and ${spec.max} (got ${n})`);
  return n;
}

/** Checks the flags against the common options and the benchmark's own, and applies defaults. */
export function resolveOptions(
  flags: Record<string, string>,
  own: Record<string, OptionSpec> = {},
): { duration: number; connections: number; options: Record<string, number> } {
  const specs: Record<string, OptionSpec> = { ...commonOptions, ...own };
  for (const key of Object.keys(flags)) {
    if (!(key in specs)) {
      const known = Object.keys(specs)
        .map((k) => `--${k}`)
        .join(', ');
      throw new UsageError(`unknown option --${key} (this benchmark takes ${known})`);
    }
  }
  const values: Record<string, number> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const raw = flags[key];
    values[key] = raw === undefined ? spec.default : parseWhole(key, raw, spec);
  }
  const options: Record<string, number> = {};
  for (const key of Object.keys(own)) options[key] = values[key]!;
  return { duration: values.duration!, connections: values.connections!, options };
}

export function usage(registry: readonly Benchmark[]): string {
  const width = Math.max(...registry.map((b) => b.name.length), 8);
  const lines = [
    'usage: npm run bench -- <name> [--duration <s>] [--connections <n>] [benchmark options]',
    '       npm run bench -- --list',
    '',
    'The last line on stdout is one JSON object {"name","metric","value","baseline","ratio"};',
    'ratio is oriented so that higher is better for Saldo (see bench/README.md).',
    '',
    'options for every benchmark:',
    ...Object.entries(commonOptions).map(
      ([k, s]) => `  --${k.padEnd(14)} ${s.description} (default ${s.default})`,
    ),
    '',
    'benchmarks:',
    ...registry.flatMap((b) => [
      `  ${b.name.padEnd(width)}  ${b.description}`,
      ...Object.entries(b.options ?? {}).map(
        ([k, s]) => `  ${''.padEnd(width)}    --${k.padEnd(10)} ${s.description} (default ${s.default})`,
      ),
    ]),
  ];
  return lines.join('\n');
}

export function listing(registry: readonly Benchmark[]): string {
  const width = Math.max(...registry.map((b) => b.name.length));
  return registry.map((b) => `${b.name.padEnd(width)}  ${b.description}`).join('\n');
}
