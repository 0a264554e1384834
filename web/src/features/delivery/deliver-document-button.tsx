import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useCustomer } from '../customers/customers.api';
import {
  CHANNELS,
  type Channel,
  type DeliverResult,
  useCustomerDelivery,
  useDeliverDocument,
} from './delivery.api';

interface DocumentToDeliver {
  type: 'invoice' | 'credit_memo';
  id: string;
  number: string;
  customer: { id: string; name: string };
}

/**
 * "Send to customer" on an invoice or credit memo: a window that says how the customer takes its
 * documents (its delivery preference, preselected) and lets staff send this one that way or another;
 * then who it went to (e-mail) or where it waits (print batch, AP endpoint, EDI folder).
 */
export function DeliverDocumentButton({ document }: { document: DocumentToDeliver }) {
  const { t } = useTranslation('delivery');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSend size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('deliver.action')}
      </Button>
      {open && <DeliverModal document={document} onClose={() => setOpen(false)} />}
    </>
  );
}

function DeliverModal({ document, onClose }: { document: DocumentToDeliver; onClose: () => void }) {
  const { t } = useTranslation('delivery');
  const delivery = useCustomerDelivery(document.customer.id);
  const deliver = useDeliverDocument();
  const preference = delivery.data?.preference;
  const [chosen, setChosen] = useState<Channel | null>(null);
  const channel = chosen ?? preference?.channel ?? 'email';
  const result = deliver.data;
  const contacts = useCustomer(document.customer.id).data?.contacts;
  const recipients = contacts?.filter((c) => c.email && c.receives.includes('invoices'));
  const byEmail = channel === 'email' || (channel === 'ubl' && preference?.ublVia === 'email');
  const noRecipients = byEmail && recipients !== undefined && recipients.length === 0;
  const how = (c: Channel) => {
    if (c === 'email')
      return t(preference?.emailAttachPdf === false ? 'deliver.how.emailLink' : 'deliver.how.email');
    if (c === 'ubl') {
      if (preference?.ublVia === 'email') return t('deliver.how.ublEmail');
      return preference?.apEndpointUrl
        ? t('deliver.how.ublEndpoint', { url: preference.apEndpointUrl })
        : t('deliver.how.ublMissing');
    }
    if (c === 'edi' && !preference?.edi) return t('deliver.how.ediMissing');
    return t(`deliver.how.${c}`);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('deliver.title', { number: document.number })}
      size="lg"
      centered
    >
      <Stack gap="sm" data-testid="deliver-document">
        {delivery.error ? <ProblemAlert error={delivery.error} onRetry={() => delivery.refetch()} /> : null}
        {preference && (
          <Text size="sm">
            {t('deliver.prefers', {
              name: document.customer.name,
              channel: t(`deliver.by.${preference.channel}`),
            })}
          </Text>
        )}
        {preference && !result && (
          <Radio.Group label={t('deliver.channel')} value={channel} onChange={(v) => setChosen(v as Channel)}>
            <Stack gap="xs" mt={6}>
              {CHANNELS.map((c) => (
                <Radio
                  key={c}
                  value={c}
                  label={
                    c === preference.channel
                      ? t('deliver.preferred', { channel: t(`channels.${c}`) })
                      : t(`channels.${c}`)
                  }
                  description={how(c)}
                  disabled={
                    (c === 'edi' && !preference.edi) ||
                    (c === 'ubl' && preference.ublVia === 'endpoint' && !preference.apEndpointUrl)
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {byEmail && recipients && recipients.length > 0 && !result && (
          <Text size="sm">
            {t('deliver.to', { list: recipients.map((r) => `${r.name} <${r.email}>`).join(', ') })}
          </Text>
        )}
        {noRecipients && !result && (
          <Alert color="yellow" variant="light" role="status">
            {t('deliver.noRecipients')}
          </Alert>
        )}
        {deliver.error ? <ProblemAlert error={deliver.error} /> : null}
        {result && (
          <Alert color="teal" variant="light" role="status">
            <DeliveredText result={result} />
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {result ? t('deliver.close') : t('cancel')}
          </Button>
          {!result && (
            <Button
              loading={deliver.isPending}
              disabled={!preference || noRecipients}
              onClick={() =>
                deliver.mutate({
                  documentType: document.type,
                  documentId: document.id,
                  ...(channel === preference?.channel ? {} : { channel }),
                })
              }
            >
              {t('deliver.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function DeliveredText({ result }: { result: DeliverResult }) {
  const { t } = useTranslation('delivery');
  if ('recipients' in result)
    return (
      <>
        {t('deliver.sent', { list: result.recipients.join(', ') })}
        {result.ublAttached ? ` ${t('deliver.ublAttached')}` : ''}
      </>
    );
  if (result.channel === 'postal') return <>{t('deliver.queuedPostal')}</>;
  if (result.channel === 'ubl') return <>{t('deliver.queuedUbl')}</>;
  return <>{t('deliver.writtenEdi', { file: result.fileName ?? '' })}</>;
}
