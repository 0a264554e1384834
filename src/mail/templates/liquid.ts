import { Liquid, type Template } from 'liquidjs';
import { escapeHtml } from './brand.ts';

/**
 * The two Liquid engines every message renders through: `text` for subjects, preview lines and
 * plain-text bodies, `html` for HTML bodies and the layout, where every `{{ value }}` is escaped
 * (a value never becomes markup; `| raw` is the layout's own way out). Both are strict: an
 * unknown variable or filter is an error, not an empty string. Sellers write templates, so the
 * engines read no files (no include, render or layout tags; `templates: {}` in any case) and a
 * template is held to a size, a render time and a memory budget.
 */
function engine(html: boolean): Liquid {
  const liquid = new Liquid({
    templates: {},
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    ...(html ? { outputEscape: (value: unknown) => escapeHtml(String(value ?? '')) } : {}),
    parseLimit: 250_000,
    renderLimit: 1_000,
    memoryLimit: 5_000_000,
  });
  for (const tag of ['include', 'render', 'layout', 'block']) delete liquid.tags[tag];
  // Liquid's own `escape` writes &#34;; one escaping for the whole message.
  liquid.registerFilter('escape', (value: unknown) => escapeHtml(String(value ?? '')));
  // A line break of plain text as HTML (after `escape`).
  liquid.registerFilter('line_breaks', (value: unknown) => String(value ?? '').replace(/\r?\n/g, '<br>'));
  return liquid;
}

export const textLiquid = engine(false);
export const htmlLiquid = engine(true);

/** Parsed templates by source: Saldo's defaults and the few versions in use are parsed once. */
const parsed = new Map<string, Template[]>();

export function parseCached(liquid: Liquid, source: string): Template[] {
  const key = `${liquid === htmlLiquid ? 'h' : 't'}:${source}`;
  let templates = parsed.get(key);
  if (!templates) {
    templates = liquid.parse(source);
    if (parsed.size >= 500) parsed.clear();
    parsed.set(key, templates);
  }
  return templates;
}

export function renderLiquid(liquid: Liquid, source: string, variables: object): string {
  return liquid.renderSync(parseCached(liquid, source), variables) as string;
}
