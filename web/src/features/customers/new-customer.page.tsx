import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { BackLink } from '../../shared/ui/back-link';
import { SectionLoader } from '../../shared/ui/loaders';
import { PageHeader } from '../../shared/ui/page-header';
import { useOrganization } from '../settings/payment-settings.api';
import { CustomerForm } from './customer-form';
import { useCreateCustomer, useNextAccountNumber } from './customers.api';

/** Customers → New customer: the account, its credit terms, addresses and contacts, in one save. */
export function NewCustomerPage() {
  const { t } = useTranslation(['customers']);
  usePageTitle(t('form.newTitle'));
  const navigate = useNavigate();
  const organization = useOrganization();
  const next = useNextAccountNumber();
  const create = useCreateCustomer();

  return (
    <>
      <BackLink to="/console/customers">{t('detail.back')}</BackLink>
      <PageHeader title={t('form.newTitle')} description={t('form.newDescription')} />
      {organization.data ? (
        <CustomerForm
          defaults={{
            currency: organization.data.defaultCurrency,
            locale: organization.data.locale,
            accountNumber: next.data?.accountNumber ?? null,
          }}
          submitLabel={t('form.create')}
          submitIcon={<IconUserPlus size={18} aria-hidden />}
          pending={create.isPending}
          onCreate={(body, { onError }) =>
            create.mutate(body, {
              onSuccess: (customer) => {
                notifications.show({ color: 'teal', message: t('form.created', { name: customer.name }) });
                void navigate(`/console/customers/${customer.id}`, { replace: true });
              },
              onError,
            })
          }
        />
      ) : (
        <SectionLoader />
      )}
    </>
  );
}
