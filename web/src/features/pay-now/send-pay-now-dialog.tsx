import { Alert, Anchor, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailDollar } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useCustomerPayNow, useSendPayNow } from './pay-now.api';

export interface PayNowInvoice {
  id: string;
  number: string;
  openAmount: number;
  currency: string;
}

/**
 * "Send pay-now e-mail" for some open invoices of one customer: who gets it (the contacts who
 * receive invoices are ticked; any contact with an e-mail may be chosen), what it carries (each
 * PDF and one link that pays exactly these invoices), how long the link lasts. One key per opening:
 * a double click sends one e-mail.
 */
export function SendPayNowDialog({
  opened,
  onClose,
  customerId,
  invoices,
  onSent,
}: {
  opened: boolean;
  onClose: () => void;
  customerId: string;
  invoices: PayNowInvoice[];
  onSent?: () => void;
}) {
  const { t } = useTranslation('payNow');
  const info = useCustomerPayNow(opened ? customerId : null);
  const send = useSendPayNow();
  const { reset } = send;
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  useEffect(() => {
    if (opened) {
      setKey(crypto.randomUUID());
      setChosen(null);
      reset();
    }
  }, [opened, reset]);
  const contacts = info.data?.contacts ?? [];
  const selected = chosen ?? contacts.filter((c) => c.receivesInvoices).map((c) => c.id);
  const total = invoices.reduce((sum, i) => sum + i.openAmount, 0);
  const currency = invoices[0]?.currency ?? 'USD';
  const submit = () =>
    send.mutate(
      { body: { invoiceIds: invoices.map((i) => i.id), contactIds: selected }, idempotencyKey },
      {
        onSuccess: (sent) => {
          notifications.show({
            color: 'teal',
            title: t('dialog.sentTitle'),
            message: t('dialog.sentText', {
              count: sent.recipients.length,
              recipients: sent.recipients.join(', '),
            }),
          });
          onSent?.();
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('dialog.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('dialog.intro', { count: invoices.length })}</Text>
        <Stack gap={2}>
          {invoices.map((i) => (
            <Group key={i.id} justify="space-between" gap="xs">
              <Text size="sm" fw={500}>
                {i.number}
              </Text>
              <Money minor={i.openAmount} currency={i.currency} />
            </Group>
          ))}
          {invoices.length > 1 && (
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={700}>
                {t('dialog.total')}
              </Text>
              <Money minor={total} currency={currency} fw={700} />
            </Group>
          )}
        </Stack>
        {info.isError && <ProblemAlert error={info.error} onRetry={() => info.refetch()} />}
        {info.data && contacts.length === 0 && (
          <Alert color="yellow" variant="light">
            {t('dialog.noContacts')}
          </Alert>
        )}
        {contacts.length > 0 && (
          <Checkbox.Group label={t('dialog.recipients')} value={selected} onChange={setChosen}>
            <Stack gap={6} mt={6}>
              {contacts.map((c) => (
                <Checkbox
                  key={c.id}
                  value={c.id}
                  label={`${c.name} · ${c.email}`}
                  description={c.receivesInvoices ? t('dialog.receivesInvoices') : undefined}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {info.data && (
          <Text size="xs" c="dimmed">
            {t('dialog.explain', { days: info.data.linkDays })}
          </Text>
        )}
        {send.isError && <ProblemAlert error={send.error} />}
        <Group justify="space-between" gap="sm">
          <Anchor component={Link} to="/help/pay-now-emails" size="sm" onClick={onClose}>
            {t('dialog.help')}
          </Anchor>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('dialog.cancel')}
            </Button>
            <Button
              leftSection={<IconMailDollar size={18} aria-hidden />}
              onClick={submit}
              loading={send.isPending}
              disabled={!info.data || selected.length === 0}
            >
              {t('dialog.send')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
