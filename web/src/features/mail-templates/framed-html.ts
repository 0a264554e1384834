import { styleNonce } from '../../app/csp-nonce';

/**
 * An e-mail's HTML made showable in a srcdoc frame. The frame inherits the console's
 * Content-Security-Policy, which refuses inline `style` attributes (e-mail HTML is nothing but)
 * and allows only <style> elements carrying this page's nonce. So each tag's inline style
 * becomes a rule of one nonce'd <style> for a `data-saldo-style` mark, which renders the same
 * (e-mail styles are inline only, so nothing else competes with them). Done on the markup as text:
 * parsing it into a DOM here would itself apply the styles under this page's policy. The frame
 * itself is sandboxed without scripts.
 */
export function framedHtml(html: string): string {
  const rules: string[] = [];
  const marked = html.replace(/<[a-zA-Z][^>]*>/g, (tag) =>
    tag.replace(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i, (_attribute, double?: string, single?: string) => {
      const i = rules.length;
      const style = decode(double ?? single ?? '').replace(/[{}<>]/g, '');
      rules.push(`[data-saldo-style="${i}"]{${style}}`);
      return ` data-saldo-style="${i}"`;
    }),
  );
  const sheet = `<style${styleNonce ? ` nonce="${styleNonce}"` : ''}>\n${rules.join('\n')}\n</style>`;
  return /<\/head>/i.test(marked) ? marked.replace(/<\/head>/i, `${sheet}</head>`) : `${sheet}${marked}`;
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
