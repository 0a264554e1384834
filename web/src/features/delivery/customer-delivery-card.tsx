import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconRefresh, IconTruckDelivery } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { useStaffContext } from '../../app/session';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { SkeletonRows } from '../../shared/ui/skeleton-rows';
import { TableScroll } from '../../shared/ui/table-scroll';
import {
  type Delivery,
  deliveryFileUrl,
  useCustomerDelivery,
  useResendDelivery,
  useSaveCustomerDelivery,
} from './delivery.api';
import { DeliveryPreferenceForm } from './delivery-preference-form';

const STATUS_COLORS: Record<Delivery['status'], string> = {
  pending: 'yellow',
  delivered: 'green',
  failed: 'red',
  printed: 'blue',
};

export function DeliveryStatusBadge({ status }: { status: Delivery['status'] }) {
  const { t } = useTranslation('delivery');
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="sm" style={{ overflow: 'visible' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/**
 * The customer detail's "Delivery preferences" panel: the channel it takes its documents by, a
 * "Change" window with the form (staff also set the EDI trading partner), and the latest UBL, EDI
 * and postal deliveries with their status, the file to download, and "Send again" for a failed
 * e-invoice.
 */
export function CustomerDeliveryCard({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const { t } = useTranslation('delivery');
  const { orgName } = useStaffContext();
  const format = useFormatters();
  const [open, modal] = useDisclosure(false);
  const query = useCustomerDelivery(customerId);
  const save = useSaveCustomerDelivery(customerId);
  const resend = useResendDelivery();

  const data = query.data;
  return (
    <Section
      title={t('title')}
      actions={
        canWrite &&
        data && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconTruckDelivery size={14} aria-hidden />}
            onClick={modal.open}
            data-testid="delivery-change"
          >
            {t('edit')}
          </Button>
        )
      }
    >
      {query.isError && !data ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Table>
          <Table.Tbody>
            <SkeletonRows rows={2} cols={3} />
          </Table.Tbody>
        </Table>
      ) : (
        <Stack gap={0}>
          <Stack gap={2} px="md" py="sm">
            <Text size="sm" fw={600} data-testid="delivery-channel">
              {t(`channels.${data.preference.channel}`)}
              {data.preference.channel === 'email' &&
                ` · ${data.preference.emailAttachPdf ? t('emailAttach.pdf') : t('emailAttach.link')}`}
            </Text>
            {data.preference.channel === 'ubl' && data.preference.apEndpointUrl && (
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {data.preference.apEndpointUrl}
              </Text>
            )}
            {data.preference.channel === 'edi' && data.preference.edi && (
              <Text size="xs" c="dimmed">
                ISA {data.preference.edi.isaSenderQualifier}/{data.preference.edi.isaSenderId} →{' '}
                {data.preference.edi.isaReceiverQualifier}/{data.preference.edi.isaReceiverId} ·{' '}
                {data.preference.edi.usage === 'P' ? t('edi.production') : t('edi.test')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('cardDescription')}
            </Text>
          </Stack>
          {data.deliveries.length > 0 && (
            <TableScroll minWidth={560}>
              <Table verticalSpacing="xs" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('deliveries.document')}</Table.Th>
                    <Table.Th>{t('deliveries.channel')}</Table.Th>
                    <Table.Th>{t('deliveries.status')}</Table.Th>
                    <Table.Th>{t('deliveries.when')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.deliveries.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{d.document.number}</Table.Td>
                      <Table.Td>{t(`shortChannels.${d.channel}`)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Stack gap={2}>
                          <DeliveryStatusBadge status={d.status} />
                          {d.lastError && d.status !== 'delivered' && (
                            <Text size="xs" c="red.7" maw={240} style={{ whiteSpace: 'normal' }}>
                              {t('deliveries.lastError', { error: d.lastError })}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>{format.dateTime(d.deliveredAt ?? d.lastAttemptAt ?? d.createdAt)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap" justify="flex-end">
                          {d.fileName && (
                            <Anchor
                              href={deliveryFileUrl(d.id)}
                              download={d.fileName}
                              size="xs"
                              aria-label={t('deliveries.download')}
                            >
                              <IconDownload size={16} aria-hidden />
                            </Anchor>
                          )}
                          {canWrite && d.channel === 'ubl' && d.status === 'failed' && (
                            <Button
                              size="compact-xs"
                              variant="light"
                              leftSection={<IconRefresh size={12} aria-hidden />}
                              loading={resend.isPending}
                              onClick={() =>
                                resend.mutate(d.id, {
                                  onSuccess: () => notifications.show({ message: t('deliveries.resent') }),
                                })
                              }
                            >
                              {t('deliveries.resend')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Stack>
      )}
      <Modal opened={open} onClose={modal.close} title={t('title')} size="lg">
        {data && (
          <DeliveryPreferenceForm
            current={data.preference}
            withEdi
            ediConfigured={data.preference.edi !== null}
            orgName={orgName}
            busy={save.isPending}
            onCancel={modal.close}
            onSubmit={async (body) => {
              await save.mutateAsync(body);
              notifications.show({ message: t('saved') });
              modal.close();
            }}
          />
        )}
      </Modal>
    </Section>
  );
}
