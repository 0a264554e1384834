import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Marked, type Tokens } from 'marked';
import { fromRoot } from '../../config/paths.ts';

/** The help centre: the guide's markdown pages (docs/guide/{es,en}), indexed for search and rendered once. */
export const HELP_LANGS = ['es', 'en'] as const;
export type HelpLang = (typeof HELP_LANGS)[number];

export interface HelpPage {
  lang: HelpLang;
  slug: string;
  title: string;
  /** The first paragraph, as plain text. */
  summary: string;
  /** The page in HTML; raw HTML in the markdown is escaped, links point inside the help centre. */
  html: string;
  /** The same page in the other languages, by slug. */
  translations: Partial<Record<HelpLang, string>>;
  /** Plain text of the whole page, for search. */
  text: string;
}

export interface HelpSearchResult {
  slug: string;
  title: string;
  snippet: string;
}

export interface HelpCentre {
  pages(lang: HelpLang): HelpPage[];
  /** The page in `lang` named by `slug` in any language (a link keeps working after a language switch). */
  page(lang: HelpLang, slug: string): HelpPage | undefined;
  search(lang: HelpLang, query: string): HelpSearchResult[];
  /** The absolute path of a guide image, or undefined for anything that is not one. */
  imagePath(name: string): string | undefined;
}

export const HELP_SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const slugPattern = new RegExp(HELP_SLUG_PATTERN);
export const HELP_IMAGE_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*\\.png$';
const imagePattern = new RegExp(HELP_IMAGE_PATTERN);
/** Where guide images are served (the pages' `../images/x.png` become this). */
export const HELP_IMAGE_URL = '/api/v1/help/images/';

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Lower case without accents: "Contraseña" and "contrasena" find the same page. */
export const foldText = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A link of a page: another page becomes `/help/<slug>`, an image is served by the API, the web stays as it is. */
function rewriteHref(href: string): string {
  const page = /^(?:\.\.\/(?:es|en)\/)?([a-z0-9-]+)\.md(#[\w-]*)?$/.exec(href);
  if (page) return `/help/${page[1]}${page[2] ?? ''}`;
  const image = /^\.\.\/images\/([a-z0-9-]+\.png)$/.exec(href);
  if (image) return `${HELP_IMAGE_URL}${image[1]}`;
  if (/^(https?:|mailto:|#|\/)/i.test(href)) return href;
  // A link to anything else in the repository means nothing inside Saldo.
  return '#';
}

function renderer(): Marked {
  return new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === 'link' || token.type === 'image') {
        const link = token as Tokens.Link | Tokens.Image;
        link.href = rewriteHref(link.href);
      }
    },
    renderer: {
      // The guide is ours, but raw HTML in it is shown as text, never run.
      html({ text }) {
        return escapeHtml(text);
      },
    },
  });
}

/** The page's words as plain text: markdown marks, link targets and images removed. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+\s*/gm, '')
    .replace(/^\|?[-:| ]+\|?$/gm, ' ')
    .replace(/[*_`|>]/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The "*English: [..](../en/x.md)*" line of each page: inside Saldo the language switch does its work. */
const otherLanguageLine = /^\*(?:English|Español): \[[^\]]*\]\(\.\.\/(?:es|en)\/[a-z0-9-]+\.md\)\*\s*$/gm;

function parsePage(lang: HelpLang, slug: string, source: string, marked: Marked): HelpPage {
  const markdown = source.replace(otherLanguageLine, '');
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? slug;
  const translations: HelpPage['translations'] = {};
  for (const m of source.matchAll(/\]\(\.\.\/(es|en)\/([a-z0-9-]+)\.md\)/g)) {
    const other = m[1] as HelpLang;
    if (other !== lang) translations[other] ??= m[2]!;
  }
  const firstParagraph = markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !p.startsWith('#') && !p.startsWith('*') && !p.startsWith('!'));
  return {
    lang,
    slug,
    title,
    summary: plainText(firstParagraph ?? ''),
    html: marked.parse(markdown, { async: false }),
    translations,
    text: plainText(markdown),
  };
}

function snippetOf(text: string, folded: string, words: string[]): string {
  const at = Math.min(...words.map((w) => folded.indexOf(w)).filter((i) => i >= 0));
  const start = Math.max(0, at - 60);
  const end = Math.min(text.length, at + 140);
  // Folding drops only the accents of letters, one character each: positions in `folded` match `text`.
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** Reads and indexes the guide under `dir` (docs/guide): one folder per language, one .md per page. */
export function loadHelpCentre(dir: string): HelpCentre {
  const marked = renderer();
  const byLang = new Map<HelpLang, HelpPage[]>();
  const folded = new Map<HelpPage, { title: string; text: string }>();
  for (const lang of HELP_LANGS) {
    const langDir = path.join(dir, lang);
    const files = existsSync(langDir) ? readdirSync(langDir).filter((f) => f.endsWith('.md')) : [];
    const pages = files
      .map((file) => file.slice(0, -3))
      .filter((slug) => slugPattern.test(slug))
      .map((slug) => parsePage(lang, slug, readFileSync(path.join(langDir, `${slug}.md`), 'utf8'), marked));
    pages.sort((a, b) => a.title.localeCompare(b.title, lang));
    for (const p of pages) folded.set(p, { title: foldText(p.title), text: foldText(p.text) });
    byLang.set(lang, pages);
  }
  const imagesDir = path.join(dir, 'images');

  const page = (lang: HelpLang, slug: string) => {
    const pages = byLang.get(lang) ?? [];
    const direct = pages.find((p) => p.slug === slug);
    if (direct) return direct;
    // A slug of another language: its translation in `lang`.
    for (const other of HELP_LANGS) {
      if (other === lang) continue;
      const source = byLang.get(other)?.find((p) => p.slug === slug);
      const target = source?.translations[lang];
      if (target) return pages.find((p) => p.slug === target);
    }
    return undefined;
  };

  return {
    pages: (lang) => byLang.get(lang) ?? [],
    page,
    search(lang, query) {
      const words = foldText(query)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0);
      if (!words.length) return [];
      return (byLang.get(lang) ?? [])
        .map((p) => {
          const f = folded.get(p)!;
          if (!words.every((w) => f.title.includes(w) || f.text.includes(w))) return null;
          const score = words.reduce(
            (sum, w) => sum + (f.title.includes(w) ? 100 : 0) + f.text.split(w).length - 1,
            0,
          );
          return {
            score,
            result: { slug: p.slug, title: p.title, snippet: snippetOf(p.text, f.text, words) },
          };
        })
        .filter((r) => r !== null)
        .sort((a, b) => b.score - a.score)
        .map((r) => r.result);
    },
    imagePath(name) {
      if (!imagePattern.test(name)) return undefined;
      const file = path.join(imagesDir, name);
      return existsSync(file) ? file : undefined;
    },
  };
}

let shared: HelpCentre | undefined;
/** The guide shipped with Saldo (docs/guide), read once per process. */
export function helpCentre(): HelpCentre {
  shared ??= loadHelpCentre(fromRoot('docs', 'guide'));
  return shared;
}
