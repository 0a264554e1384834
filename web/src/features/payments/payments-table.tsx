import { Text } from '@mantine/core';
import { IconCash, IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { DocumentStatusTag } from '../../shared/ui/badges';
import classes from '../../shared/ui/kit.module.css';
import { MoneyDocumentsTable } from '../../shared/ui/money-documents-table';
import { useSearchableList } from '../../shared/ui/search-box';
import type { Audience, PaymentSummary } from '../invoices/ar.types';
import { LifecycleBadge } from './online-payment-panel';
import { receiptUrl, usePayments } from './payments.api';

export function PaymentStatusTag({
  payment,
}: {
  payment: Pick<PaymentSummary, 'status' | 'unappliedAmount'>;
}) {
  const { t } = useTranslation('payments');
  // An online payment on its way or gone back (pending, failed, refunded…) says so.
  if (payment.status !== 'completed' && payment.status !== 'reversed')
    return <LifecycleBadge status={payment.status} />;
  if (payment.status === 'reversed')
    return <DocumentStatusTag color="red">{t('status.reversed')}</DocumentStatusTag>;
  return payment.unappliedAmount > 0 ? (
    <DocumentStatusTag color="yellow">{t('status.partlyUnapplied')}</DocumentStatusTag>
  ) : (
    <DocumentStatusTag color="teal">{t('status.applied')}</DocumentStatusTag>
  );
}

/** Payments received, newest first, with their receipts. */
export function PaymentsTable({
  audience,
  customerId,
  showCustomer = false,
  syncUrl = false,
  linkTo,
}: {
  audience: Audience;
  customerId?: string;
  showCustomer?: boolean;
  syncUrl?: boolean;
  linkTo?: (payment: PaymentSummary) => string;
}) {
  const { t } = useTranslation(['payments', 'invoices', 'common']);
  const format = useFormatters();
  const list = useSearchableList(syncUrl);
  const payments = usePayments(audience, {
    customerId,
    q: list.q || undefined,
    page: list.state.page,
    pageSize: 25,
  });

  return (
    <MoneyDocumentsTable
      result={payments}
      list={list}
      showCustomer={showCustomer}
      linkTo={linkTo}
      labels={{
        searchLabel: t('table.searchLabel'),
        searchPlaceholder: t('table.searchPlaceholder'),
        emptyTitle: t('table.emptyTitle'),
        emptyText: t('table.emptyText'),
        noMatchesTitle: t('table.noMatchesTitle'),
        noMatchesText: t('table.noMatchesText'),
        pagination: t('table.pagination'),
        number: t('fields.number'),
        date: t('fields.receivedOn'),
        status: t('fields.status'),
        amount: t('fields.amount'),
        pdf: t('fields.receipt'),
      }}
      emptyIcon={<IconCash size={28} stroke={1.5} aria-hidden />}
      subline={(payment) =>
        payment.reference && (
          <Text className={classes.sub} truncate="end" maw={200}>
            {t('fields.refShort', { reference: payment.reference })}
          </Text>
        )
      }
      dateOf={(payment) => payment.receivedOn}
      extra={{
        title: t('fields.method'),
        cell: (payment) => t(`invoices:methods.${payment.method}`),
      }}
      status={(payment) => <PaymentStatusTag payment={payment} />}
      struck={(payment) => payment.status === 'reversed'}
      unappliedNote={(payment) =>
        payment.status === 'completed' && payment.unappliedAmount > 0
          ? t('fields.unappliedShort', { amount: format.money(payment.unappliedAmount, payment.currency) })
          : null
      }
      pdf={{
        tooltip: t('actions.receipt'),
        href: (payment) => receiptUrl(audience, payment.id),
        ariaLabel: (payment) => t('actions.receiptOf', { number: payment.number }),
        icon: <IconReceipt size={18} aria-hidden />,
      }}
    />
  );
}
