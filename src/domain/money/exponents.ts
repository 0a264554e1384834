/**
 * ISO 4217 minor-unit exponents. Every currency not listed has 2. (Intl's digits follow CLDR's
 * display habits, which differ from ISO for some currencies, so the table is ours.) Pure data with
 * no imports: the server (./currency.ts) and the web app (web/src/app/format.ts) both read it.
 */
export const MINOR_UNIT_EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};
