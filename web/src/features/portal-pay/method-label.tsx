import { Group, Text } from '@mantine/core';
import { IconBuildingBank, IconCreditCard } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SavedMethod } from './portal-pay.api';

const BRANDS = new Set(['visa', 'mastercard', 'amex', 'discover']);

type MethodFacts = Pick<SavedMethod, 'kind' | 'brand' | 'last4' | 'bankName'>;

/** "Visa ·· 4242" or "Chase ·· 6789": never more of the number than its last four. */
export function methodText(t: TFunction<'portalPay'>, method: MethodFacts): string {
  if (method.kind === 'ach')
    return method.bankName
      ? t('methods.ach', { bank: method.bankName, last4: method.last4 })
      : t('methods.achNoBank', { last4: method.last4 });
  const brand = method.brand && BRANDS.has(method.brand) ? method.brand : 'other';
  return t('methods.card', {
    brand: t(`methods.brands.${brand}` as 'methods.brands.other'),
    last4: method.last4,
  });
}

/** The second line of a saved method: a card's expiry, an account's type, "used by autopay". */
export function methodDetail(t: TFunction<'portalPay'>, method: SavedMethod): string {
  const parts: string[] = [];
  if (method.kind === 'card' && method.expMonth && method.expYear)
    parts.push(
      t('methods.expires', { month: String(method.expMonth).padStart(2, '0'), year: method.expYear }),
    );
  if (method.kind === 'ach' && (method.accountType === 'checking' || method.accountType === 'savings'))
    parts.push(t(`methods.${method.accountType}`));
  if (method.usedByAutopay) parts.push(t('methods.autopay'));
  return parts.join(' · ');
}

export function MethodIcon({ kind }: { kind: string }) {
  return kind === 'ach' ? (
    <IconBuildingBank size={20} stroke={1.6} aria-hidden />
  ) : (
    <IconCreditCard size={20} stroke={1.6} aria-hidden />
  );
}

/**
 * What paid a payment, on one line: "Visa ·· 4242", "Chase ·· 6789", or the method's name when the
 * processor did not describe it (the console's panel and the portal's result page alike).
 */
export function PaidWith({
  payment,
}: {
  payment: { method: string; paymentMethod: (Omit<MethodFacts, 'kind'> & { kind: string }) | null };
}) {
  const { t } = useTranslation('invoices');
  const method = payment.paymentMethod;
  if (method?.last4)
    return <MethodLabel method={{ ...method, kind: method.kind === 'ach' ? 'ach' : 'card' }} />;
  return <>{t(`methods.${payment.method}` as 'methods.other', { defaultValue: payment.method })}</>;
}

/** A saved (or just-used) method on one line, with its icon. */
export function MethodLabel({ method }: { method: MethodFacts }) {
  const { t } = useTranslation('portalPay');
  return (
    <Group gap={8} wrap="nowrap">
      <MethodIcon kind={method.kind} />
      <Text size="sm" fw={600}>
        {methodText(t, method)}
      </Text>
    </Group>
  );
}
