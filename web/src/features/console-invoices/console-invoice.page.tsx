import { Button, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBan, IconCash, IconReceiptRefund } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiRequest } from '../../app/api/client';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useInvalidate } from '../../app/query-keys';
import { useStaffContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { ReasonDialog } from '../../shared/ui/reason-dialog';
import { DeliverDocumentButton } from '../delivery/deliver-document-button';
import { InvoiceInquiriesPanel } from '../inquiries/invoice-inquiries-panel';
import { canWriteAr, type InvoiceDetail } from '../invoices/ar.types';
import { DetailFallback, InvoiceDetailView } from '../invoices/invoice-detail';
import { useInvoice } from '../invoices/invoices.api';
import { InvoicePayNowPanel, SendPayNowButton } from '../pay-now/invoice-pay-now';

function useVoidInvoice(id: string) {
  const invalidate = useInvalidate('invoice');
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      apiRequest<InvoiceDetail>('POST', `/api/v1/console/invoices/${encodeURIComponent(id)}/void`, body),
    onSuccess: invalidate,
  });
}

export function ConsoleInvoicePage() {
  const { t } = useTranslation(['consoleInvoices', 'invoices', 'common']);
  const id = useParams().id ?? '';
  const invoice = useInvoice('console', id);
  usePageTitle(invoice.data ? t('detail.pageTitle', { number: invoice.data.number }) : t('list.title'));
  return (
    <>
      <BackLink to="/console/invoices">{t('detail.back')}</BackLink>
      {invoice.data ? (
        <ConsoleInvoiceView invoice={invoice.data} />
      ) : (
        <DetailFallback
          query={invoice}
          notFoundTitle={t('invoices:detail.notFoundTitle')}
          notFoundText={t('invoices:detail.notFoundText')}
        />
      )}
    </>
  );
}

function ConsoleInvoiceView({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(['consoleInvoices', 'invoices', 'common']);
  const format = useFormatters();
  const { role } = useStaffContext();
  const canWrite = canWriteAr(role);
  const [voiding, voidModal] = useDisclosure(false);
  const voidInvoice = useVoidInvoice(invoice.id);
  const hasApplications =
    invoice.payments.some((p) => !p.unappliedAt) || invoice.credits.some((c) => !c.unappliedAt);
  const open = invoice.status === 'open' && invoice.openAmount > 0;

  const actions = canWrite && invoice.status !== 'void' && (
    <>
      {open && (
        <Button
          component={Link}
          to={`/console/payments/new?customerId=${invoice.customer.id}`}
          leftSection={<IconCash size={16} aria-hidden />}
        >
          {t('detail.recordPayment')}
        </Button>
      )}
      <SendPayNowButton invoice={invoice} />
      {invoice.status === 'open' && (
        <DeliverDocumentButton
          document={{ type: 'invoice', id: invoice.id, number: invoice.number, customer: invoice.customer }}
        />
      )}
      {open && (
        <Button
          component={Link}
          to={`/console/credits/new?customerId=${invoice.customer.id}&invoiceId=${invoice.id}`}
          variant="default"
          leftSection={<IconReceiptRefund size={16} aria-hidden />}
        >
          {t('detail.issueCredit')}
        </Button>
      )}
      <Tooltip label={t('detail.voidBlocked')} disabled={!hasApplications} withArrow multiline maw={260}>
        <Button
          variant="default"
          c={hasApplications ? undefined : 'red.7'}
          leftSection={<IconBan size={16} aria-hidden />}
          data-disabled={hasApplications || undefined}
          aria-disabled={hasApplications || undefined}
          onClick={(event) => (hasApplications ? event.preventDefault() : voidModal.open())}
        >
          {t('detail.void')}
        </Button>
      </Tooltip>
    </>
  );

  return (
    <>
      <InvoiceDetailView
        invoice={invoice}
        audience="console"
        actions={actions}
        customerLink={`/console/customers/${invoice.customer.id}`}
        paymentLink={(paymentId) => `/console/payments/${paymentId}`}
        creditLink={(creditId) => `/console/credits/${creditId}`}
      />
      <InvoicePayNowPanel invoiceId={invoice.id} canWrite={canWrite} />
      {invoice.status !== 'draft' && (
        <InvoiceInquiriesPanel
          audience="console"
          invoice={invoice}
          canWrite={canWrite}
          canPromise={canWrite}
        />
      )}
      {canWrite && (
        <ReasonDialog
          opened={voiding}
          onClose={voidModal.close}
          title={t('detail.voidTitle', { number: invoice.number })}
          text={t('detail.voidText', { amount: format.money(invoice.total, invoice.currency) })}
          submitLabel={t('detail.voidConfirm')}
          mutation={voidInvoice}
          onDone={() =>
            notifications.show({ color: 'teal', message: t('detail.voided', { number: invoice.number }) })
          }
        />
      )}
    </>
  );
}
