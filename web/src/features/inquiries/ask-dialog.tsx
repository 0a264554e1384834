import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyExponent, useFormatters } from '../../app/format';
import { parseMoneyInput } from '../../app/money-input';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { type Audience, type DisputeReason, disputeReasons, useOpenInquiry } from './inquiries.api';
import type { InquiryInvoice } from './invoice-inquiries-panel';

/**
 * Asking about an invoice or disputing it: for a dispute, the reason and (optionally) the part
 * disputed — left empty, the whole open amount; then the message. Amounts are parsed exactly.
 */
export function AskDialog({
  audience,
  kind,
  invoice,
  onClose,
}: {
  audience: Audience;
  kind: 'question' | 'dispute';
  invoice: InquiryInvoice;
  onClose: () => void;
}) {
  const { t } = useTranslation(['inquiries', 'invoices', 'common']);
  const format = useFormatters();
  const money = (minor: number | bigint) => format.money(minor, invoice.currency);
  const ask = useOpenInquiry(audience, invoice.customer.id);
  const [reason, setReason] = useState<DisputeReason | null>(null);
  const [amountText, setAmountText] = useState('');
  const [message, setMessage] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const dispute = kind === 'dispute';
  const parsed = amountText.trim() ? parseMoneyInput(amountText, invoice.currency, format.locale) : null;
  const amountError =
    !submitted || !parsed
      ? null
      : !parsed.ok
        ? parsed.reason === 'tooManyDecimals'
          ? t('invoices:amount.tooManyDecimals', {
              currency: invoice.currency,
              digits: currencyExponent(invoice.currency),
            })
          : t(`invoices:amount.${parsed.reason}`)
        : parsed.minor > BigInt(invoice.openAmount)
          ? t('ask.amountExceeds', { amount: money(invoice.openAmount) })
          : null;
  const reasonError = submitted && dispute && !reason ? t('common:validation.required') : null;
  const messageError = submitted && !message.trim() ? t('common:validation.required') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const amountBad = parsed !== null && (!parsed.ok || parsed.minor > BigInt(invoice.openAmount));
    if ((dispute && !reason) || !message.trim() || amountBad) return;
    ask.mutate(
      {
        invoiceId: invoice.id,
        kind,
        ...(dispute ? { reason, disputedAmount: parsed?.ok ? Number(parsed.minor) : null } : {}),
        message: message.trim(),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t(`ask.done.${kind}`) });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={t(`ask.title.${kind}`, { number: invoice.number })}
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(`ask.text.${kind}.${audience}`)}
          </Text>
          {ask.error && <ProblemAlert error={ask.error} />}
          {dispute && (
            <>
              <Select
                label={t('ask.reason')}
                required
                data={disputeReasons.map((value) => ({ value, label: t(`reason.${value}`) }))}
                value={reason}
                onChange={(value) => setReason(value as DisputeReason | null)}
                error={reasonError}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                label={t('ask.amount')}
                description={t('ask.amountHelp', { amount: money(invoice.openAmount) })}
                inputMode="decimal"
                autoComplete="off"
                value={amountText}
                onChange={(event) => setAmountText(event.currentTarget.value)}
                error={amountError}
              />
            </>
          )}
          <Textarea
            label={t('ask.message')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            data-autofocus
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
            error={messageError}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={ask.isPending}>
              {t(`ask.submit.${kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
