import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { InvoiceInquiriesPanel } from '../inquiries/invoice-inquiries-panel';
import { DetailFallback, InvoiceDetailView } from '../invoices/invoice-detail';
import { useInvoice } from '../invoices/invoices.api';
import { PayInvoiceAction, PayInvoiceNotice } from '../portal-pay/pay-access';

export function PortalInvoicePage() {
  const { t } = useTranslation(['portalDocuments', 'invoices']);
  const id = useParams().id ?? '';
  const invoice = useInvoice('portal', id);
  const { role } = useCustomerContext();
  usePageTitle(invoice.data ? t('invoice.pageTitle', { number: invoice.data.number }) : t('invoices.title'));
  return (
    <>
      <BackLink to="/portal/invoices">{t('invoice.back')}</BackLink>
      {invoice.data ? (
        <>
          <PayInvoiceNotice invoice={invoice.data} />
          <InvoiceDetailView
            invoice={invoice.data}
            audience="portal"
            actions={<PayInvoiceAction invoice={invoice.data} />}
            paymentLink={(paymentId) => `/portal/payments/${paymentId}`}
          />
          <InvoiceInquiriesPanel
            audience="portal"
            invoice={invoice.data}
            canWrite
            canPromise={role === 'account_admin' || role === 'payer'}
          />
        </>
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
