import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  newWebhookSecret,
  signatureHeader,
} from '../../src/domain/integration/webhooks/webhook-signature.ts';

/**
 * The verification recipes of the guide (docs/guide/{en,es}/webhooks.md), run as written — the Node
 * function, the Python function and the openssl one-liner — against a body Saldo signed: each says
 * valid for the right secret (also during a roll, two `v1`), and not for another secret, a changed
 * byte or an old timestamp. Both languages carry the same code.
 */
const root = path.resolve(import.meta.dirname, '../..');
const guide = (lang: 'en' | 'es') => readFileSync(path.join(root, `docs/guide/${lang}/webhooks.md`), 'utf8');
function block(text: string, lang: string): string {
  const match = text.match(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``));
  if (!match) throw new Error(`no ${lang} block in the guide`);
  return match[1]!;
}
const en = guide('en');
const recipes = { js: block(en, 'js'), python: block(en, 'python'), sh: block(en, 'sh') };

const dir = mkdtempSync(path.join(tmpdir(), 'saldo-recipes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bodyFile = path.join(dir, 'body.json');

function run(kind: keyof typeof recipes, env: { SECRET: string; SIG: string }): string {
  const vars = { ...process.env, ...env, BODY_FILE: bodyFile };
  if (kind === 'js')
    return execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `${recipes.js}\nconst { readFileSync } = await import('node:fs');\n` +
          'console.log(verifySaldoSignature(process.env.SECRET, process.env.SIG, readFileSync(process.env.BODY_FILE)) ? "valid" : "invalid");',
      ],
      { env: vars, encoding: 'utf8' },
    ).trim();
  if (kind === 'python')
    return execFileSync(
      'python3',
      [
        '-c',
        `${recipes.python}\nimport os\nprint("valid" if verify_saldo_signature(os.environ["SECRET"], os.environ["SIG"], open(os.environ["BODY_FILE"], "rb").read()) else "invalid")`,
      ],
      { env: vars, encoding: 'utf8' },
    ).trim();
  return execFileSync('sh', ['-c', recipes.sh], { env: vars, cwd: dir, encoding: 'utf8' }).trim();
}

describe('the guide’s verification recipes', () => {
  test('Spanish and English carry the same code', () => {
    const es = guide('es');
    expect(block(es, 'python')).toBe(recipes.python);
    expect(block(es, 'sh')).toBe(recipes.sh);
    // The Node recipe's comment is translated; the code is the same.
    const code = (s: string) => s.replace(/^\/\/.*$/gm, '');
    expect(code(block(es, 'js'))).toBe(code(recipes.js));
  });

  test.each(['js', 'python', 'sh'] as const)('%s: valid for Saldo’s signature, invalid otherwise', (kind) => {
    const secret = newWebhookSecret();
    const old = newWebhookSecret();
    // Accents, a quote and a backslash: the recipes hash bytes, not re-encoded text.
    const body = JSON.stringify({
      id: 'e1',
      type: 'invoice.paid',
      data: { number: "Año 'x' \\ 1", amount: '123456' },
    });
    writeFileSync(bodyFile, body);
    const now = Math.floor(Date.now() / 1000);
    expect(run(kind, { SECRET: secret, SIG: signatureHeader([secret], now, body) })).toBe('valid');
    expect(run(kind, { SECRET: old, SIG: signatureHeader([secret, old], now, body) })).toBe('valid');
    expect(run(kind, { SECRET: old, SIG: signatureHeader([secret], now, body) })).toBe('invalid');
    writeFileSync(bodyFile, body.replace('123456', '123457'));
    expect(run(kind, { SECRET: secret, SIG: signatureHeader([secret], now, body) })).toBe('invalid');
    // The one-liner checks the signature only (the guide says to compare t itself).
    if (kind !== 'sh') {
      writeFileSync(bodyFile, body);
      expect(run(kind, { SECRET: secret, SIG: signatureHeader([secret], now - 600, body) })).toBe('invalid');
    }
  });
});
