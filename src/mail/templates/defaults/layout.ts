import type { Locale } from '../../../db/schema.ts';
import { font } from './compose.ts';

/**
 * The frame around every message, Liquid too: the text part's signature, and the HTML page with
 * the brand's name and colour and the footer. Saldo's own, not a seller's to edit: `content` is
 * the rendered body (already escaped in the HTML part).
 */
const words: Record<Locale, { sentFor: string; saldo: string }> = {
  es: { sentFor: 'Enviado por Saldo en nombre de', saldo: 'Saldo · Portal de cuentas por cobrar' },
  en: { sentFor: 'Sent by Saldo on behalf of', saldo: 'Saldo · Accounts receivable portal' },
};

/** "Sent by Saldo on behalf of X." — without a second full stop after "S.A. de C.V.". */
const signatureLine = (locale: Locale) =>
  `{% if brand.is_seller %}{% assign last = brand.name | slice: -1 %}${words[locale].sentFor} {{ brand.name }}{% if last != "." %}.{% endif %}{% else %}${words[locale].saldo}{% endif %}`;

export const textLayouts: Record<Locale, string> = {
  es: textLayout('es'),
  en: textLayout('en'),
};

function textLayout(locale: Locale): string {
  // "-- " is the signature separator mail clients recognise.
  return `{{ content }}

-- 
{% if brand.is_seller %}{{ brand.name }}
{% endif %}{% if brand.footer != "" %}{{ brand.footer }}
{% endif %}${signatureLine(locale)}
`;
}

export const htmlLayouts: Record<Locale, string> = {
  es: htmlLayout('es'),
  en: htmlLayout('en'),
};

function htmlLayout(locale: Locale): string {
  return `<!DOCTYPE html>
<html lang="{{ locale }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{{ subject }}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">{{ preheader }}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:32px 16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border-radius:8px;border-top:4px solid {{ brand.accent_color }};">
<tr><td style="padding:28px 32px 0;font-family:${font};font-size:18px;line-height:26px;font-weight:600;color:#1a1b1e;">{{ brand.name }}</td></tr>
{{ content | raw }}
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
<tr><td align="center" style="padding:16px 32px;font-family:${font};font-size:12px;line-height:18px;color:#868e96;">
{% if brand.footer != "" %}<p style="margin:0 0 4px;">{{ brand.footer | escape | line_breaks | raw }}</p>{% endif %}<p style="margin:0 0 4px;">${signatureLine(locale)}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
