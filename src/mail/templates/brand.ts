/** Who a message is sent for, as its template's `brand` variables see it. */
export interface MailOrg {
  name: string;
  branding: { accentColor?: string; footer?: string };
}

export interface BrandVariables {
  name: string;
  /** True for a seller's message, false for Saldo's own (password reset). */
  is_seller: boolean;
  /** Free text the seller adds under every message (address, phone…), trimmed; '' when none. */
  footer: string;
  accent_color: string;
  /** Readable on the accent colour: dark on a light colour, white otherwise. */
  button_text_color: string;
  link_color: string;
}

export const defaultAccentColor = '#1c7ed6';

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

/** The brand of a seller's message, or Saldo's for a message sent for no seller. */
export function brandOf(org: MailOrg | null): BrandVariables {
  const accent = safeAccentColor(org?.branding.accentColor);
  const light = luminance(accent) > 0.45;
  const footer = org?.branding.footer;
  return {
    name: org ? org.name : 'Saldo',
    is_seller: org !== null,
    footer: typeof footer === 'string' ? footer.trim() : '',
    accent_color: accent,
    button_text_color: light ? '#1a1b1e' : '#ffffff',
    link_color: light ? '#1a1b1e' : accent,
  };
}
