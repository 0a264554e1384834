import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The shape of the house (docs/ARCHITECTURE.md), checked on the source text where
 * dependency-cruiser (`npm run check:deps`, which checks imports) cannot see: who opens
 * transactions, where SQL lives, and what a domain error may carry.
 */
const root = path.resolve(import.meta.dirname, '..');

function sourcesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
    out.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/** Each line of the files under `folder` that matches `pattern`, as "file:line: text" (comments skipped). */
function linesMatching(folder: string, pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const file of sourcesUnder(folder)) {
    readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.trim();
        if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
        if (pattern.test(line)) hits.push(`${file}:${i + 1}: ${code}`);
      });
  }
  return hits;
}

/** Each match of `pattern` (flag g) across lines of the files under `folder`, as "file:line: match". */
function matchesAcrossLines(folder: string, pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const file of sourcesUnder(folder)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(pattern)) {
      const line = text.slice(0, match.index).split('\n').length;
      hits.push(`${file}:${line}: ${match[0].replace(/\s+/g, ' ')}`);
    }
  }
  return hits;
}

/** An AppError whose params hold an amount formatted for a language or a message key chosen for one. */
const localisedError = /new AppError\([^;]*?(formatMoney|formatDate|toLocale\w*|[a-z]Key\s*[:,}])/g;

describe('the house', () => {
  test('the folders these checks read exist (a rename must not make them pass vacuously)', () => {
    for (const folder of ['src/domain', 'src/http/routes', 'src/formats']) {
      expect(sourcesUnder(folder).length, folder).toBeGreaterThan(3);
    }
  });

  test('no use case opens its own transaction: callers do (src/db/transaction.ts: inTransaction)', () => {
    expect(linesMatching('src/domain', /\.transaction\s*\(/)).toEqual([]);
  });

  test('routes hold no SQL: they call use cases and repositories', () => {
    expect(
      linesMatching(
        'src/http/routes',
        /\b(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(|\bsql\s*`|executeQuery\s*\(/,
      ),
    ).toEqual([]);
  });

  test('output formats hold no SQL: they draw view models the domain built', () => {
    expect(
      linesMatching('src/formats', /\b(selectFrom|insertInto|updateTable|deleteFrom)\s*\(|\bsql\s*`/),
    ).toEqual([]);
  });

  test('domain errors carry raw values: no amount formatted or message key chosen for a language', () => {
    expect(matchesAcrossLines('src/domain', localisedError)).toEqual([]);
  });

  test('the check above sees what it forbids', () => {
    const finds = (text: string) => [...text.matchAll(localisedError)].length > 0;
    expect(finds("throw new AppError('x', {\n  available: formatMoney(a, c, l),\n});")).toBe(true);
    expect(finds("throw new AppError('x', { statusKey: 'invoiceStatus.void' });")).toBe(true);
    expect(finds("throw new AppError('x', { available: { amount, currency } });")).toBe(false);
    expect(finds("throw new AppError('x');\nconst label = formatMoney(a, c, l);")).toBe(false);
    expect(/\.transaction\s*\(/.test('return db.transaction().execute(async (trx) => {')).toBe(true);
  });
});
