import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { DetailFallback } from '../invoices/invoice-detail';
import { CustomerForm } from './customer-form';
import { type CustomerDetail, useCustomer, useUpdateCustomer } from './customers.api';

/** A customer's page → Edit: the same form as a new customer, prefilled; only what changed is saved. */
export function EditCustomerPage() {
  const { t } = useTranslation(['customers']);
  const id = useParams().id ?? '';
  const customer = useCustomer(id);
  usePageTitle(customer.data ? t('form.editTitle', { name: customer.data.name }) : t('list.title'));
  return (
    <>
      <BackLink to={`/console/customers/${id}`}>{t('form.backToCustomer')}</BackLink>
      {customer.data ? (
        <EditCustomer customer={customer.data} />
      ) : (
        <DetailFallback
          query={customer}
          notFoundTitle={t('detail.notFoundTitle')}
          notFoundText={t('detail.notFoundText')}
        />
      )}
    </>
  );
}

function EditCustomer({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation(['customers']);
  const navigate = useNavigate();
  const update = useUpdateCustomer(customer.id);
  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    void navigate(`/console/customers/${customer.id}`, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('form.editTitle', { name: customer.name })} />
      <CustomerForm
        customer={customer}
        defaults={{ currency: customer.currency, locale: customer.locale, accountNumber: null }}
        submitLabel={t('form.save')}
        submitIcon={<IconDeviceFloppy size={18} aria-hidden />}
        pending={update.isPending}
        onUpdate={(changes, { onError }) => {
          if (!changes) return done(t('form.unchanged'));
          update.mutate(changes, {
            onSuccess: (saved) => done(t('form.saved', { name: saved.name })),
            onError,
          });
        }}
      />
    </>
  );
}
