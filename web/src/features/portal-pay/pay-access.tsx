import { ActionIcon, Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconCreditCard, IconInfoCircle, IconWallet, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { useCustomerContext } from '../../app/session';
import classes from '../../shared/ui/kit.module.css';
import type { Balance, InvoiceDetail, InvoiceSummary } from '../invoices/ar.types';
import { blockedReason, canSelectForPayment, payableOf, payPath, totalsByCurrency } from './pay-logic';
import { type PaymentOptions, usePaymentOptions } from './portal-pay.api';
import payClasses from './portal-pay.module.css';

/*
 * Where a payment starts (invoice list, invoice detail, home): a pay button when this person may
 * pay online, and otherwise why not, in plain words — never a button that cannot work.
 */

export { canSelectForPayment };

/** Why online payment is not available, as the payer reads it; null when it is. */
export function useBlockedText(options: PaymentOptions | undefined): string | null {
  const { t } = useTranslation('portalPay');
  const { orgName } = useCustomerContext();
  if (!options) return null;
  const reason = blockedReason(options);
  if (!reason) return null;
  return t(`blocked.${reason}`, { org: orgName });
}

/** The reason online payment is off, in a quiet note. */
export function BlockedNotice({ options }: { options: PaymentOptions }) {
  const text = useBlockedText(options);
  if (!text) return null;
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconInfoCircle size={20} aria-hidden />}
      data-testid="pay-blocked"
    >
      {text}
    </Alert>
  );
}

type DetailWithPending = InvoiceDetail & { pendingAmount?: number | null };

/** "Pay this invoice" on an open invoice with something left to pay, when online payment is on. */
export function PayInvoiceAction({ invoice }: { invoice: DetailWithPending }) {
  const { t } = useTranslation('portalPay');
  const options = usePaymentOptions();
  if (!options.data?.enabled || payableOf(invoice) <= 0n) return null;
  return (
    <Button
      component={Link}
      to={payPath({ kind: 'ids', ids: [invoice.id] })}
      leftSection={<IconCreditCard size={16} aria-hidden />}
    >
      {t('actions.payInvoice')}
    </Button>
  );
}

/** Above an open invoice: a payment in flight, or why it cannot be paid online. */
export function PayInvoiceNotice({ invoice }: { invoice: DetailWithPending }) {
  const { t } = useTranslation('portalPay');
  const format = useFormatters();
  const options = usePaymentOptions();
  if (invoice.status !== 'open' || invoice.openAmount <= 0) return null;
  if (invoice.paymentStatus === 'payment_pending') {
    const left = payableOf(invoice);
    return (
      <Alert color="grape" variant="light" icon={<IconInfoCircle size={20} aria-hidden />} mb="md">
        {left <= 0n
          ? t('invoice.pendingNothingLeft')
          : t('invoice.pending', {
              amount: format.money(invoice.pendingAmount ?? 0, invoice.currency),
            })}
      </Alert>
    );
  }
  return options.data && !options.data.enabled ? (
    <Stack mb="md">
      <BlockedNotice options={options.data} />
    </Stack>
  ) : null;
}

/** Home: pay the overdue or the whole balance, per currency owed. */
export function PayBalanceActions({ balances }: { balances: Balance[] }) {
  const { t } = useTranslation('portalPay');
  const options = usePaymentOptions();
  const owed = balances.filter((balance) => balance.total > 0 || balance.overdue > 0);
  if (owed.length === 0 || !options.data) return null;
  if (!options.data.enabled) return <BlockedNotice options={options.data} />;
  const several = owed.length > 1;
  return (
    <Group gap="sm" justify="space-between">
      <Group gap="sm">
        {owed.map((balance) => (
          <Group key={balance.currency} gap="sm">
            {balance.overdue > 0 && (
              <Button
                component={Link}
                to={payPath({ kind: 'preset', preset: 'overdue' }, { currency: balance.currency })}
                leftSection={<IconCreditCard size={16} aria-hidden />}
              >
                {several
                  ? t('actions.payOverdueIn', { currency: balance.currency })
                  : t('actions.payOverdue')}
              </Button>
            )}
            {balance.total > 0 && (
              <Button
                component={Link}
                to={payPath({ kind: 'preset', preset: 'all' }, { currency: balance.currency })}
                variant={balance.overdue > 0 ? 'default' : 'filled'}
                leftSection={balance.overdue > 0 ? undefined : <IconCreditCard size={16} aria-hidden />}
              >
                {several ? t('actions.payTotalIn', { currency: balance.currency }) : t('actions.payTotal')}
              </Button>
            )}
          </Group>
        ))}
      </Group>
      {options.data.savedMethods.length > 0 && (
        <Anchor component={Link} to="/portal/payment-methods" size="sm" fw={500}>
          <Group gap={4} component="span">
            <IconWallet size={16} aria-hidden />
            {t('actions.manageMethods')}
          </Group>
        </Anchor>
      )}
    </Group>
  );
}

/**
 * The invoice list's sticky bar once rows are ticked: how many, what they add up to (per
 * currency), and "Pay N invoices · $total", or why paying online is not possible.
 */
export function PaySelectionBar({ selected, onClear }: { selected: InvoiceSummary[]; onClear: () => void }) {
  const { t } = useTranslation(['portalPay', 'invoices']);
  const format = useFormatters();
  const options = usePaymentOptions();
  const blocked = useBlockedText(options.data);
  const payable = selected.filter(canSelectForPayment);
  const totals = totalsByCurrency(payable.map((invoice) => ({ ...invoice, payable: payableOf(invoice) })));
  const amount = totals.map((total) => format.money(total.total, total.currency)).join(' · ');
  return (
    <Group
      className={classes.selectionBar}
      justify="space-between"
      gap="sm"
      role="region"
      aria-label={t('invoices:selection.count', { count: selected.length })}
    >
      <Stack gap={2} miw={0} className={payClasses.barText} aria-live="polite">
        <Text fw={600} size="sm">
          {t('invoices:selection.count', { count: selected.length })}
        </Text>
        {blocked ? (
          <Text size="sm" c="gray.3">
            {blocked}
          </Text>
        ) : payable.length === 0 ? (
          <Text size="sm" c="gray.3">
            {t('selection.noneSelectable')}
          </Text>
        ) : (
          totals.length > 1 && (
            <Text size="xs" c="gray.3">
              {t('selection.mixedCurrencies')}
            </Text>
          )
        )}
      </Stack>
      <Group gap="xs" wrap="nowrap" ml="auto">
        {!blocked && options.data && payable.length > 0 && (
          <Button
            component={Link}
            to={payPath({ kind: 'ids', ids: payable.map((invoice) => invoice.id) })}
            variant="white"
            leftSection={<IconCreditCard size={16} aria-hidden />}
          >
            {t('actions.paySelected', { count: payable.length, amount })}
          </Button>
        )}
        <ActionIcon
          variant="subtle"
          color="gray.3"
          onClick={onClear}
          aria-label={t('invoices:selection.clear')}
        >
          <IconX size={16} aria-hidden />
        </ActionIcon>
      </Group>
    </Group>
  );
}
