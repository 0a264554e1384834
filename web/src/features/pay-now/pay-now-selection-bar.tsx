import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { IconMailDollar, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceSummary } from '../../app/api/wire';
import { useFormatters } from '../../app/format';
import classes from '../../shared/ui/kit.module.css';
import { SendPayNowDialog } from './send-pay-now-dialog';

/** Whether an invoice can go in a pay-now e-mail: open, something left, no payment in flight. */
export const canSendPayNow = (invoice: InvoiceSummary) =>
  invoice.status === 'open' && invoice.openAmount > 0 && invoice.paymentStatus !== 'payment_pending';

/**
 * The console invoice list's bar while rows are ticked: how many and what is open on them, and
 * "Send pay-now e-mail" for them when they are all of one customer and can be collected.
 */
export function PayNowSelectionBar({
  selected,
  onClear,
  canWrite,
}: {
  selected: InvoiceSummary[];
  onClear: () => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation(['payNow', 'invoices']);
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const sendable = selected.filter(canSendPayNow);
  const customers = new Set(selected.map((i) => i.customer.id));
  const currencies = [...new Set(sendable.map((i) => i.currency))];
  const oneCustomer = customers.size === 1 && currencies.length === 1;
  const total = sendable.reduce((sum, i) => sum + i.openAmount, 0);
  return (
    <Group
      className={classes.selectionBar}
      justify="space-between"
      gap="md"
      role="region"
      aria-label={t('invoices:selection.count', { count: selected.length })}
    >
      <Stack gap={2} miw={0} aria-live="polite">
        <Text fw={600} size="sm">
          {t('invoices:selection.count', { count: selected.length })}
          {sendable.length > 0 && currencies.length === 1 ? ` · ${format.money(total, currencies[0]!)}` : ''}
        </Text>
        {!oneCustomer && (
          <Text size="xs" c="gray.3">
            {t('payNow:action.oneCustomer')}
          </Text>
        )}
      </Stack>
      <Group gap="xs" wrap="nowrap" ml="auto">
        {canWrite && oneCustomer && sendable.length > 0 && (
          <Button
            size="sm"
            leftSection={<IconMailDollar size={16} aria-hidden />}
            onClick={() => setOpen(true)}
          >
            {t('payNow:action.sendSelected', { count: sendable.length })}
          </Button>
        )}
        <ActionIcon
          variant="subtle"
          color="gray.3"
          onClick={onClear}
          aria-label={t('invoices:selection.clear')}
        >
          <IconX size={16} aria-hidden />
        </ActionIcon>
      </Group>
      {oneCustomer && sendable.length > 0 && (
        <SendPayNowDialog
          opened={open}
          onClose={() => setOpen(false)}
          customerId={sendable[0]!.customer.id}
          invoices={sendable.map((i) => ({
            id: i.id,
            number: i.number,
            openAmount: i.openAmount,
            currency: i.currency,
          }))}
          onSent={onClear}
        />
      )}
    </Group>
  );
}
