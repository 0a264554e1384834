import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../../app/date-input';
import { currencyExponent, useFormatters } from '../../app/format';
import { minorToInput, parseMoneyInput } from '../../app/money-input';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { type Audience, useRecordPromise } from './inquiries.api';
import type { InquiryInvoice } from './invoice-inquiries-panel';

/** A promise to pay part or all of an invoice by a date: reminders for it pause until then. */
export function PromiseDialog({
  audience,
  invoice,
  onClose,
}: {
  audience: Audience;
  invoice: InquiryInvoice;
  onClose: () => void;
}) {
  const { t } = useTranslation(['inquiries', 'invoices', 'common']);
  const format = useFormatters();
  const money = (minor: number | bigint) => format.money(minor, invoice.currency);
  const record = useRecordPromise(audience, invoice.customer.id);
  const [date, setDate] = useState('');
  const [amountText, setAmountText] = useState(() =>
    minorToInput(invoice.openAmount, invoice.currency, format.locale),
  );
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const parsed = parseMoneyInput(amountText, invoice.currency, format.locale);
  const amountError = !submitted
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
  const dateError = submitted && !date ? t('common:validation.required') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!date || !parsed.ok || parsed.minor > BigInt(invoice.openAmount)) return;
    record.mutate(
      { invoiceId: invoice.id, promisedOn: date, amount: Number(parsed.minor), note: note.trim() || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('promise.done', { date: format.day(date) }) });
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
      title={t('promise.title', { number: invoice.number })}
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(`promise.text.${audience}`)}
          </Text>
          {record.error && <ProblemAlert error={record.error} />}
          <DayInput
            label={t('promise.date')}
            required
            value={date}
            onChange={setDate}
            error={dateError}
            data-autofocus
          />
          <TextInput
            label={t('promise.amount')}
            required
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            onChange={(event) => setAmountText(event.currentTarget.value)}
            error={amountError}
          />
          <TextInput
            label={t('promise.note')}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('promise.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
