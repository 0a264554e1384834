import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadHelpCentre } from '../../src/domain/help/help-centre.ts';
import { helpLinks } from '../../web/src/features/help/help-links.ts';
import { as, seedSeller, signIn, useTestApp } from '../support/app.ts';

const { app, db } = await useTestApp();

describe('the help centre API', () => {
  test('lists the pages in the language asked, else in the person’s (Accept-Language when signed out)', async () => {
    const es = await app.inject({ method: 'GET', url: '/api/v1/help?lang=es' });
    expect(es.statusCode).toBe(200);
    expect(es.json().lang).toBe('es');
    expect(es.json().pages.map((p: { slug: string }) => p.slug)).toContain('iniciar-sesion');
    const en = await app.inject({
      method: 'GET',
      url: '/api/v1/help',
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().lang).toBe('en');
    expect(en.json().pages.map((p: { title: string }) => p.title)).toContain('Signing in and out');
    expect(en.json().results).toBeUndefined();

    const seller = await seedSeller(db, { locale: 'es' });
    const mine = await as(
      app,
      await signIn(app, seller.staff.viewer.email),
    )({
      method: 'GET',
      url: '/api/v1/help',
      headers: { 'accept-language': 'en' },
    });
    expect(mine.json().lang).toBe('es');
  });

  test('search finds a page by a word of its body, accents and case aside, with a snippet', async () => {
    const es = (
      await app.inject({ method: 'GET', url: `/api/v1/help?lang=es&q=${encodeURIComponent('ZONA horaria')}` })
    ).json();
    const aging = es.results.find((r: { slug: string }) => r.slug === 'consola-antiguedad-de-saldos');
    expect(aging.title).toBe('Consola: Antigüedad de saldos');
    expect(aging.snippet.toLowerCase()).toContain('zona horaria');

    const unaccented = (await app.inject({ method: 'GET', url: '/api/v1/help?lang=es&q=antiguedad' })).json();
    expect(unaccented.results[0].slug).toBe('consola-antiguedad-de-saldos');

    const en = (await app.inject({ method: 'GET', url: '/api/v1/help?lang=en&q=time%20zone' })).json();
    expect(en.results.map((r: { slug: string }) => r.slug)).toContain('console-aging-report');
    expect(en.results.every((r: { slug: string }) => !r.slug.startsWith('consola'))).toBe(true);

    const none = (await app.inject({ method: 'GET', url: '/api/v1/help?lang=en&q=zzyzx-quux' })).json();
    expect(none.results).toEqual([]);
  });

  test('a page in HTML, its links inside the help centre, its translation named', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/help/en/sign-in' });
    expect(r.statusCode).toBe(200);
    const page = r.json();
    expect(page).toMatchObject({ lang: 'en', slug: 'sign-in', title: 'Signing in and out' });
    expect(page.translations).toEqual({ es: 'iniciar-sesion' });
    expect(page.html).toContain('<h1');
    expect(page.html).toContain('href="/help/forgot-password"');
    expect(page.html).not.toContain('.md"');
    expect(page.html).not.toContain('Español:');

    // The slug of the other language gives this language's page.
    const translated = (await app.inject({ method: 'GET', url: '/api/v1/help/es/sign-in' })).json();
    expect(translated).toMatchObject({ lang: 'es', slug: 'iniciar-sesion' });
  });

  test('guide images are served, and nothing else from the disk', async () => {
    const html = (
      await app.inject({ method: 'GET', url: '/api/v1/help/en/portal-balance-and-invoices' })
    ).json().html as string;
    const src = /<img src="([^"]+)"/.exec(html)?.[1];
    expect(src).toBe('/api/v1/help/images/en-portal-dashboard.png');
    const image = await app.inject({ method: 'GET', url: src! });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await app.inject({ method: 'GET', url: '/api/v1/help/images/nope.png' })).statusCode).toBe(404);
  });

  test('an unknown page is a 404; a path out of the guide is refused', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/help/es/no-such-page' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    for (const url of [
      '/api/v1/help/es/..%2F..%2F..%2Fpackage.json',
      '/api/v1/help/es/..%2FREADME',
      '/api/v1/help/es/%2Fetc%2Fpasswd',
      '/api/v1/help/..%2F..%2Fsrc/config',
      '/api/v1/help/images/..%2F..%2F..%2Fpackage.json',
      '/api/v1/help/images/..%2Fes%2Finiciar-sesion.md',
    ]) {
      const r = await app.inject({ method: 'GET', url });
      expect([400, 404], url).toContain(r.statusCode);
      expect(r.headers['content-type'], url).toContain('problem+json');
      expect(r.body, url).not.toContain('"dependencies"');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/help?lang=fr' })).statusCode).toBe(400);
  });

  test('every screen’s help link names a page that exists in both languages', () => {
    const centre = loadHelpCentre(path.resolve(import.meta.dirname, '../../docs/guide'));
    expect(helpLinks.length).toBeGreaterThan(10);
    for (const link of helpLinks)
      for (const lang of ['es', 'en'] as const)
        expect(centre.page(lang, link.slug), `${link.path} → ${link.slug} (${lang})`).toBeDefined();
  });
});

describe('rendering', () => {
  test('raw HTML and script links in the markdown are shown as text, never run', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'saldo-help-'));
    mkdirSync(path.join(dir, 'en'));
    writeFileSync(
      path.join(dir, 'en', 'hostile.md'),
      '# Hostile\n\n<script>alert(1)</script>\n\nSome <img src=x onerror=alert(2)> text and [a link](javascript:alert(3)).\n',
    );
    const page = loadHelpCentre(dir).page('en', 'hostile')!;
    rmSync(dir, { recursive: true, force: true });
    expect(page.html).not.toContain('<script');
    expect(page.html).not.toContain('<img');
    expect(page.html).toContain('&lt;script&gt;');
    expect(page.html).not.toContain('javascript:');
  });
});
