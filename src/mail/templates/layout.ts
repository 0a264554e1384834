import type { Locale } from '../../db/schema.ts';

/** What one message says, as plain text; the layout turns it into the text and HTML parts. */
export interface MailContent {
  subject: string;
  /** The preview line mail clients show beside the subject. */
  preheader: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  expiry: string;
  closing: string[];
}

/** Who the message is sent for. */
export interface MailBrand {
  name: string;
  /** A #rgb or #rrggbb colour; anything else falls back to the default. */
  accentColor?: string | undefined;
  /** Free text the seller adds under every message (address, phone…). */
  footer?: string | undefined;
  /** True for a seller's message, false for Saldo's own (password reset). */
  isSeller: boolean;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const defaultAccentColor = '#1c7ed6';

/** "S.A. de C.V." ends a sentence without a second full stop. */
function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

const chrome: Record<Locale, { linkHint: string; sentFor: (org: string) => string; saldo: string }> = {
  es: {
    linkHint: '¿El botón no funciona? Copia y pega este enlace en tu navegador:',
    sentFor: (org) => `Enviado por Saldo en nombre de ${endSentence(org)}`,
    saldo: 'Saldo · Portal de cuentas por cobrar',
  },
  en: {
    linkHint: 'Button not working? Copy and paste this link into your browser:',
    sentFor: (org) => `Sent by Saldo on behalf of ${endSentence(org)}`,
    saldo: 'Saldo · Accounts receivable portal',
  },
};

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML element body or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => htmlEscapes[ch] ?? ch);
}

/** The seller's accent colour when it is a plain hex colour (it lands in style attributes), else Saldo's. */
export function safeAccentColor(value: unknown): string {
  return typeof value === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)
    ? value.toLowerCase()
    : defaultAccentColor;
}

/** WCAG relative luminance of a #rgb/#rrggbb colour, 0 (black) … 1 (white). */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function assertWebLink(url: string): void {
  if (!/^https?:\/\//i.test(url)) throw new Error('Mail links must be http(s) URLs');
}

const font = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function footerLines(locale: Locale, brand: MailBrand): string[] {
  const lines = brand.isSeller ? [chrome[locale].sentFor(brand.name)] : [chrome[locale].saldo];
  const custom = typeof brand.footer === 'string' ? brand.footer.trim() : '';
  return custom ? [custom, ...lines] : lines;
}

export function renderText(locale: Locale, content: MailContent, brand: MailBrand): string {
  const blocks = [
    content.greeting,
    ...content.paragraphs,
    `${content.action.label}:\n${content.action.url}`,
    content.expiry,
    ...content.closing,
    // "-- " is the signature separator mail clients recognise.
    ['-- ', ...(brand.isSeller ? [brand.name] : []), ...footerLines(locale, brand)].join('\n'),
  ];
  return `${blocks.join('\n\n')}\n`;
}

export function renderHtml(locale: Locale, content: MailContent, brand: MailBrand): string {
  assertWebLink(content.action.url);
  const accent = safeAccentColor(brand.accentColor);
  const light = luminance(accent) > 0.45;
  const buttonText = light ? '#1a1b1e' : '#ffffff';
  const linkColor = light ? '#1a1b1e' : accent;
  const url = escapeHtml(content.action.url);
  const paragraph = (text: string, style = 'margin:0 0 16px;') =>
    `<p style="${style}">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;
  const footer = footerLines(locale, brand)
    .map((line) => paragraph(line, 'margin:0 0 4px;'))
    .join('');
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:32px 16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border-radius:8px;border-top:4px solid ${accent};">
<tr><td style="padding:28px 32px 0;font-family:${font};font-size:18px;line-height:26px;font-weight:600;color:#1a1b1e;">${escapeHtml(brand.name)}</td></tr>
<tr><td style="padding:20px 32px 0;font-family:${font};font-size:15px;line-height:24px;color:#343a40;">
${paragraph(content.greeting)}
${content.paragraphs.map((p) => paragraph(p)).join('\n')}
</td></tr>
<tr><td style="padding:8px 32px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="${accent}" style="border-radius:6px;background-color:${accent};">
<a href="${url}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${font};font-size:15px;line-height:20px;font-weight:600;color:${buttonText};text-decoration:none;border-radius:6px;">${escapeHtml(content.action.label)}</a>
</td>
</tr></table>
</td></tr>
<tr><td style="padding:16px 32px 0;font-family:${font};font-size:13px;line-height:20px;color:#495057;">
${paragraph(content.expiry, 'margin:0 0 12px;font-weight:600;')}
${paragraph(chrome[locale].linkHint, 'margin:0 0 4px;')}
<p style="margin:0;word-break:break-all;"><a href="${url}" target="_blank" style="color:${linkColor};text-decoration:underline;">${url}</a></p>
</td></tr>
<tr><td style="padding:20px 32px 28px;font-family:${font};font-size:13px;line-height:20px;color:#868e96;">
${content.closing.map((p) => paragraph(p, 'margin:0 0 8px;')).join('\n')}
</td></tr>
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
<tr><td align="center" style="padding:16px 32px;font-family:${font};font-size:12px;line-height:18px;color:#868e96;">
${footer}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
