import { AppError } from '../errors.ts';
import { MINOR_UNIT_EXPONENTS } from './exponents.ts';

const known = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && known.has(code);
}

/** Digits after the decimal point in the currency's minor unit: JPY 0, USD 2, BHD 3. */
export function currencyExponent(currency: string): number {
  if (!isCurrency(currency))
    throw new AppError('validation_failed', {}, [{ field: 'currency', code: 'invalid' }]);
  return MINOR_UNIT_EXPONENTS[currency] ?? 2;
}
