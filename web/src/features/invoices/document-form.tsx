import { Button, Group, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currencyExponent, useFormatters } from '../../app/format';
import { parseMoneyInput } from '../../app/money-input';
import payClasses from '../payments/payments.module.css';

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The typed amount, parsed exactly, and what to say about it under the input. */
export function useAmountField(text: string, currency: string | null) {
  const { t } = useTranslation(['invoices']);
  const format = useFormatters();
  return useMemo(() => {
    if (!currency) return { minor: null, error: null, hint: null };
    const parsed = parseMoneyInput(text, currency, format.locale);
    if (parsed.ok) return { minor: parsed.minor, error: null, hint: format.money(parsed.minor, currency) };
    if (parsed.reason === 'empty') return { minor: null, error: null, hint: null };
    const error =
      parsed.reason === 'tooManyDecimals'
        ? t('amount.tooManyDecimals', { currency, digits: currencyExponent(currency) })
        : t(`amount.${parsed.reason}`);
    return { minor: null, error, hint: null };
  }, [text, currency, format, t]);
}

/** The currencies a customer can be given a document in: their own first, then those they owe in. */
export function useCustomerCurrencies(
  customer: { currency: string; balances: { currency: string }[] } | undefined,
): string[] {
  return useMemo(() => {
    const set = new Set<string>();
    if (customer) set.add(customer.currency);
    for (const balance of customer?.balances ?? []) set.add(balance.currency);
    return [...set];
  }, [customer]);
}

/** The amount of a new document, typed as text and parsed exactly (see useAmountField). */
export function AmountInput({
  label,
  inputProps,
  error,
  description,
}: {
  label: string;
  inputProps: GetInputPropsReturnType;
  error: ReactNode;
  description: ReactNode;
}) {
  const { t } = useTranslation(['payments']);
  return (
    <TextInput
      label={label}
      required
      inputMode="decimal"
      autoComplete="off"
      placeholder={t('payments:record.amountPlaceholder')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      classNames={{ input: payClasses.amountInput }}
      {...inputProps}
      error={error}
      description={description}
    />
  );
}

/** Cancel (back to where one came from) and the submit button of a new-document form. */
export function FormActions({
  icon,
  loading,
  disabled,
  children,
}: {
  icon: ReactNode;
  loading: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation(['common']);
  const navigate = useNavigate();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={() => void navigate(-1)}>
        {t('common:actions.cancel')}
      </Button>
      <Button type="submit" leftSection={icon} loading={loading} disabled={disabled}>
        {children}
      </Button>
    </Group>
  );
}

/** After a new document is saved: say so (its number and amount) and open it in place of the form. */
export function useShowCreated() {
  const format = useFormatters();
  const navigate = useNavigate();
  return (
    document: { number: string; amount: number; currency: string },
    {
      title,
      text,
      to,
    }: { title: string; text: (values: { number: string; amount: string }) => string; to: string },
  ) => {
    notifications.show({
      color: 'teal',
      title,
      message: text({ number: document.number, amount: format.money(document.amount, document.currency) }),
    });
    void navigate(to, { replace: true });
  };
}
