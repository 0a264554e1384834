import { Button } from '@mantine/core';
import { IconMailDollar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { useInvoicePayNowLinks } from './pay-now.api';
import { PayNowLinks } from './pay-now-links';
import { SendPayNowDialog } from './send-pay-now-dialog';

interface InvoiceForPayNow {
  id: string;
  number: string;
  status: 'draft' | 'open' | 'void';
  paymentStatus: 'unpaid' | 'partially_paid' | 'payment_pending' | 'paid';
  openAmount: number;
  currency: string;
  customer: { id: string };
}

/** "Send pay-now e-mail" on an invoice's page: shown while it is open, owes something, and no money is in flight. */
export function SendPayNowButton({ invoice }: { invoice: InvoiceForPayNow }) {
  const { t } = useTranslation('payNow');
  const [open, setOpen] = useState(false);
  if (invoice.status !== 'open' || invoice.openAmount <= 0 || invoice.paymentStatus === 'payment_pending')
    return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconMailDollar size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('action.send')}
      </Button>
      <SendPayNowDialog
        opened={open}
        onClose={() => setOpen(false)}
        customerId={invoice.customer.id}
        invoices={[
          {
            id: invoice.id,
            number: invoice.number,
            openAmount: invoice.openAmount,
            currency: invoice.currency,
          },
        ]}
      />
    </>
  );
}

/** The pay-now links sent for this invoice, with their state; hidden until one was sent. */
export function InvoicePayNowPanel({ invoiceId, canWrite }: { invoiceId: string; canWrite: boolean }) {
  const { t } = useTranslation('payNow');
  const links = useInvoicePayNowLinks(invoiceId);
  if (links.isPending) return null;
  if (links.isError) return <ProblemAlert error={links.error} onRetry={() => links.refetch()} />;
  if (links.data.links.length === 0) return null;
  return (
    <Section title={t('links.title')} padded>
      <PayNowLinks links={links.data.links} canWrite={canWrite} />
    </Section>
  );
}
