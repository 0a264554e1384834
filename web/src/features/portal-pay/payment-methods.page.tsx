import { Badge, Button, Group, Modal, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconWallet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { AutopayLink } from '../autopay/autopay-link';
import { MethodIcon, methodDetail, methodText } from './method-label';
import { type SavedMethod, usePaymentOptions, useRemoveMethod } from './portal-pay.api';

/** /portal/payment-methods: the cards and bank accounts saved for paying this seller, each removable. */
export function PaymentMethodsPage() {
  const { t } = useTranslation(['portalPay', 'common']);
  const { orgName } = useCustomerContext();
  const options = usePaymentOptions();
  usePageTitle(t('methods.title'));
  return (
    <>
      <BackLink to="/portal">{t('methods.back')}</BackLink>
      <PageHeader title={t('methods.title')} description={t('methods.description', { org: orgName })} />
      {options.isError && !options.data ? (
        <ProblemAlert error={options.error} onRetry={() => void options.refetch()} />
      ) : !options.data ? (
        <Stack gap="sm">
          <Skeleton height={64} radius="md" />
          <Skeleton height={64} radius="md" />
        </Stack>
      ) : (
        <SavedMethodsList methods={options.data.savedMethods} />
      )}
      <AutopayLink />
    </>
  );
}

export function SavedMethodsList({ methods }: { methods: SavedMethod[] }) {
  const { t } = useTranslation(['portalPay', 'common']);
  const [removing, setRemoving] = useState<SavedMethod | null>(null);
  const remove = useRemoveMethod();
  const close = () => {
    setRemoving(null);
    remove.reset();
  };
  if (methods.length === 0)
    return (
      <Paper withBorder p="lg">
        <Group gap="sm" c="dimmed">
          <IconWallet size={20} aria-hidden />
          <Text size="sm">{t('methods.empty')}</Text>
        </Group>
      </Paper>
    );
  return (
    <>
      <Paper withBorder>
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {methods.map((method, index) => (
            <Group
              key={method.id}
              component="li"
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              px="md"
              py="sm"
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            >
              <Group gap="sm" wrap="nowrap" miw={0}>
                <MethodIcon kind={method.kind} />
                <Stack gap={0} miw={0}>
                  <Text size="sm" fw={600}>
                    {methodText(t, method)}
                  </Text>
                  {methodDetail(t, method) && (
                    <Text size="xs" c="dimmed">
                      {methodDetail(t, method)}
                    </Text>
                  )}
                </Stack>
                {method.usedByAutopay && (
                  <Badge variant="light" color="blue" radius="sm" tt="none" visibleFrom="sm">
                    {t('methods.autopay')}
                  </Badge>
                )}
              </Group>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                leftSection={<IconTrash size={14} aria-hidden />}
                aria-label={t('methods.removeOf', { method: methodText(t, method) })}
                onClick={() => setRemoving(method)}
              >
                {t('methods.remove')}
              </Button>
            </Group>
          ))}
        </Stack>
      </Paper>
      <Modal
        opened={removing !== null}
        onClose={close}
        title={t('methods.removeTitle')}
        centered
        styles={{ title: { fontWeight: 600, fontSize: 18 } }}
      >
        <Stack gap="md">
          <Text size="sm">{removing && t('methods.removeText', { method: methodText(t, removing) })}</Text>
          {/* 409 method_in_use: autopay uses it; the server says so in the payer's language. */}
          {remove.error && <ProblemAlert error={remove.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                removing &&
                remove.mutate(removing.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('methods.removed') });
                    close();
                  },
                })
              }
            >
              {t('methods.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
