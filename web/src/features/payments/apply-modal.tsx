import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconReceipt2 } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import type { Allocation } from '../invoices/ar.types';
import { AllocationEditor } from './allocation-editor';
import { useAllocation } from './allocations';

/** The allocation screen in a modal, over what a payment or a credit memo still holds unapplied. */
export function ApplyAllocationsModal({
  opened,
  onClose,
  title,
  customerId,
  currency,
  available,
  availableLabel,
  remainingLabel,
  mutation,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  customerId: string;
  currency: string;
  available: bigint;
  availableLabel: string;
  remainingLabel: string;
  mutation: UseMutationResult<unknown, Error, Allocation[]>;
}) {
  const { t } = useTranslation(['payments', 'common']);
  const format = useFormatters();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const allocation = useAllocation(opened ? customerId : null, currency, available, texts, format.locale);
  const { check } = allocation;
  const close = () => {
    setTexts({});
    mutation.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size={1000}
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      <Stack gap="md">
        {mutation.error && <ProblemAlert error={mutation.error} />}
        <AllocationEditor
          customerId={customerId}
          currency={currency}
          available={available}
          availableLabel={availableLabel}
          remainingLabel={remainingLabel}
          texts={texts}
          onTextsChange={setTexts}
          allocation={allocation}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            leftSection={<IconReceipt2 size={16} aria-hidden />}
            disabled={!check.ok || check.allocations.length === 0}
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate(check.allocations, {
                onSuccess: () => {
                  notifications.show({
                    color: 'teal',
                    message: t('apply.done', { amount: format.money(check.allocated, currency) }),
                  });
                  close();
                },
              })
            }
          >
            {t('apply.confirm', { amount: format.money(check.allocated, currency) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
