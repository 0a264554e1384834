import { Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoicePaymentStatus, InvoiceStatus } from '../../app/api/wire';

const statusColors: Record<InvoiceStatus, string> = { draft: 'gray', open: 'blue', void: 'dark' };

const paymentColors: Record<InvoicePaymentStatus, string> = {
  unpaid: 'orange',
  partially_paid: 'yellow',
  payment_pending: 'grape',
  paid: 'teal',
};

function ArBadge({
  color,
  children,
  variant = 'light',
}: {
  color: string;
  children: ReactNode;
  variant?: string;
}) {
  return (
    <Badge color={color} variant={variant} radius="sm" tt="none" fw={600} miw="max-content">
      {children}
    </Badge>
  );
}

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation('kit');
  return <ArBadge color={statusColors[status]}>{t(`status.${status}`)}</ArBadge>;
}

export function PaymentStatusBadge({ status }: { status: InvoicePaymentStatus }) {
  const { t } = useTranslation('kit');
  return <ArBadge color={paymentColors[status]}>{t(`paymentStatus.${status}`)}</ArBadge>;
}

export function OverdueBadge({ days }: { days: number }) {
  const { t } = useTranslation('kit');
  return (
    <ArBadge color="red" variant="filled">
      {t('overdueDays', { count: days })}
    </ArBadge>
  );
}

/** The badge that describes an invoice in a list row: payment status, or void/draft (plus overdue if asked). */
export function InvoiceBadges({
  invoice,
  withOverdue = false,
}: {
  withOverdue?: boolean;
  invoice: {
    status: InvoiceStatus;
    paymentStatus: InvoicePaymentStatus;
    overdue: boolean;
    daysOverdue: number;
  };
}) {
  return (
    <Group gap={6} wrap="nowrap">
      {invoice.status === 'open' ? (
        <PaymentStatusBadge status={invoice.paymentStatus} />
      ) : (
        <InvoiceStatusBadge status={invoice.status} />
      )}
      {withOverdue && invoice.status === 'open' && invoice.overdue && (
        <OverdueBadge days={invoice.daysOverdue} />
      )}
    </Group>
  );
}

/** The small coloured status tag of a payment or credit memo. */
export function DocumentStatusTag({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge color={color} variant="light" radius="sm" tt="none" fw={600}>
      {children}
    </Badge>
  );
}
