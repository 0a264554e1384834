import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client';
import type { ConsolePaymentStatus } from '../../app/api/wire';
import { currencyExponent, useFormatters } from '../../app/format';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { methodText } from '../portal-pay/method-label';
import { useRefundPayment } from './online-payment.api';
import { defaultRefundText, outcomeUnknown, readRefundAmount } from './refund-amount';

/**
 * Refunds all or part of an online payment: the amount (what is refundable, unless changed;
 * typed and parsed exactly, never through a float), a reason, then a confirmation naming the
 * amount and where the money goes. The server's refusal is shown in the person's language.
 * Mounted while open, so each opening starts from what is refundable then.
 */
export function RefundDialog({ onClose, payment }: { onClose: () => void; payment: ConsolePaymentStatus }) {
  const { t } = useTranslation(['payments', 'invoices', 'kit', 'common']);
  const { t: tPay } = useTranslation('portalPay');
  const format = useFormatters();
  const money = (minor: number | bigint) => format.money(minor, payment.currency);
  const [amountText, setAmountText] = useState(() =>
    defaultRefundText(payment.refundable, payment.currency, format.locale),
  );
  const [touched, setTouched] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  // One key per refund meant: kept while the outcome is unknown, so a retry never refunds twice.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const refund = useRefundPayment(payment.id);
  const amount = readRefundAmount(amountText, payment.currency, format.locale, payment.refundable);
  const minor = amount.ok ? amount.minor : null;
  const amountError =
    !touched || amount.ok
      ? null
      : amount.reason === 'exceeds'
        ? t('refund.exceeds', { amount: money(payment.refundable) })
        : amount.reason === 'tooManyDecimals'
          ? t('invoices:amount.tooManyDecimals', {
              currency: payment.currency,
              digits: currencyExponent(payment.currency),
            })
          : t(`invoices:amount.${amount.reason}`);
  // "Visa ·· 4242" when the processor told which; otherwise the card or account it came from.
  const method = payment.paymentMethod ? methodText(tPay, payment.paymentMethod) : null;
  const shown = minor === null ? '' : money(minor);

  const close = () => {
    refund.reset();
    onClose();
  };

  const review = (event: FormEvent) => {
    event.preventDefault();
    const missingReason = reason.trim() === '';
    setTouched(true);
    setReasonError(missingReason ? t('common:validation.required') : null);
    if (minor === null || missingReason) return;
    refund.reset();
    setStep('confirm');
  };

  const confirm = () => {
    if (minor === null) return;
    refund.mutate(
      // Minor units become a JSON number only here, at the wire (bounded by what is refundable).
      { body: { amount: Number(minor), reason: reason.trim() }, idempotencyKey },
      {
        onSuccess: (answer) => {
          const done = money(answer.amount);
          notifications.show(
            answer.status === 'failed'
              ? { color: 'red', message: t('refund.doneFailed', { amount: done }) }
              : {
                  color: 'teal',
                  message:
                    answer.status === 'succeeded'
                      ? t('refund.done', { amount: done })
                      : t('refund.donePending', { amount: done }),
                },
          );
          close();
        },
        onError: (error) => {
          // A definite refusal stored nothing: the next try is a new refund, with a new key.
          if (!outcomeUnknown(error instanceof ApiError ? error.problem.status : null))
            setIdempotencyKey(crypto.randomUUID());
          setStep('edit');
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={close}
      title={t('refund.title', { number: payment.number })}
      centered
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      {step === 'edit' ? (
        <form onSubmit={review} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {method ? t('refund.text', { method }) : t('refund.textOrigin')}
            </Text>
            {refund.error && <ProblemAlert error={refund.error} />}
            <TextInput
              label={t('refund.amount')}
              required
              inputMode="decimal"
              autoComplete="off"
              data-autofocus
              value={amountText}
              onChange={(event) => {
                setAmountText(event.currentTarget.value);
                setTouched(true);
              }}
              error={amountError}
              description={t('refund.amountHelp', { amount: money(payment.refundable) })}
            />
            <Textarea
              label={t('kit:reason.label')}
              placeholder={t('refund.reasonPlaceholder')}
              required
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" color="red">
                {t('refund.review')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            {method
              ? t('refund.confirmText', { amount: shown, method })
              : t('refund.confirmTextOrigin', { amount: shown })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('refund.confirmReason', { reason: reason.trim() })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setStep('edit')} disabled={refund.isPending}>
              {t('refund.back')}
            </Button>
            <Button color="red" onClick={confirm} loading={refund.isPending} data-autofocus>
              {t('refund.confirm', { amount: shown })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
