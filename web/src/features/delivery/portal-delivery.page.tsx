import { Paper, Skeleton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { usePortalDelivery, useSavePortalDelivery } from './delivery.api';
import { DeliveryPreferenceForm } from './delivery-preference-form';

/**
 * Portal → Delivery preferences: the customer chooses how the seller sends its invoices and credit
 * notes (e-mail with the PDF or a link, postal mail, UBL to its AP endpoint, or EDI once the seller
 * has set up the trading partner). Account admins and payers change it; accountants see it.
 */
export function PortalDeliveryPage() {
  const { t } = useTranslation('delivery');
  const { orgName, role } = useCustomerContext();
  usePageTitle(t('portalTitle'));
  const query = usePortalDelivery();
  const save = useSavePortalDelivery();
  const canEdit = role === 'account_admin' || role === 'payer';
  return (
    <>
      <PageHeader title={t('portalTitle')} description={t('portalDescription', { org: orgName })} />
      {query.isError && !query.data ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton height={360} radius="md" />
      ) : (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={640} radius="md">
          <fieldset disabled={!canEdit} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <DeliveryPreferenceForm
              key={query.data.updatedAt ? String(query.data.updatedAt) : 'default'}
              current={query.data}
              withEdi={false}
              ediConfigured={query.data.ediConfigured}
              orgName={orgName}
              busy={save.isPending}
              onSubmit={async (body) => {
                await save.mutateAsync({
                  channel: body.channel,
                  emailAttachPdf: body.emailAttachPdf,
                  apEndpointUrl: body.apEndpointUrl,
                  peppol: body.peppol,
                  ...(body.apAuthToken !== undefined ? { apAuthToken: body.apAuthToken } : {}),
                });
                notifications.show({ color: 'green', message: t('saved') });
              }}
            />
          </fieldset>
        </Paper>
      )}
    </>
  );
}
