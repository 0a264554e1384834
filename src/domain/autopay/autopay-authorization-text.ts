import type { Locale } from '../../db/schema.ts';

/**
 * The authorization text a person is shown before enrolling, in their language: the seller's own
 * text when it has one for that language (payment settings), else Saldo's default (the edge passes
 * it in, from the message catalog), with `{seller}` and `{customer}` filled in. Enrolling stores
 * exactly this text, and refuses one that differs from it (it changed since it was shown).
 */
export function autopayAuthorizationText(input: {
  sellerText: { es: string | null; en: string | null };
  defaults: Record<Locale, string>;
  locale: Locale;
  sellerName: string;
  customerName: string;
}): string {
  const template = input.sellerText[input.locale]?.trim() || input.defaults[input.locale];
  return template.replaceAll('{seller}', input.sellerName).replaceAll('{customer}', input.customerName);
}
