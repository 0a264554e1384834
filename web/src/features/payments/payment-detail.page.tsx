import { Alert, Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCirclePlus, IconReceiptRefund } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PdfButton } from '../../shared/ui/pdf-button';
import { ReasonDialog } from '../../shared/ui/reason-dialog';
import { type Application, canWriteAr, type PaymentDetail } from '../invoices/ar.types';
import { ApplicationsSection, CustomerAnchor, DocumentHeader } from '../invoices/document-ui';
import { DetailFallback } from '../invoices/invoice-detail';
import { ApplyAllocationsModal } from './apply-modal';
import { usePaymentStatus } from './online-payment.api';
import { isOnline, LifecycleBadge, OnlinePaymentPanel } from './online-payment-panel';
import {
  receiptUrl,
  useApplyPayment,
  usePayment,
  useReversePayment,
  useUnapplyPayment,
} from './payments.api';
import { PaymentStatusTag } from './payments-table';
import { RefundDialog } from './refund-dialog';

export function PaymentDetailPage() {
  const { t } = useTranslation(['payments', 'invoices', 'common']);
  const id = useParams().id ?? '';
  const payment = usePayment(id);
  usePageTitle(payment.data ? t('detail.pageTitle', { number: payment.data.number }) : t('list.title'));
  return (
    <>
      <BackLink to="/console/payments">{t('detail.back')}</BackLink>
      {payment.data ? (
        <PaymentView payment={payment.data} />
      ) : (
        <DetailFallback
          query={payment}
          notFoundTitle={t('detail.notFoundTitle')}
          notFoundText={t('detail.notFoundText')}
        />
      )}
    </>
  );
}

function PaymentView({ payment }: { payment: PaymentDetail }) {
  const { t } = useTranslation(['payments', 'invoices', 'common']);
  const format = useFormatters();
  const { role } = useStaffContext();
  const canWrite = canWriteAr(role);
  const money = (minor: number) => format.money(minor, payment.currency);
  const live = payment.status === 'completed';
  // An online payment's processor side: its lifecycle, timeline and refunds.
  const online = isOnline(payment);
  const processor = usePaymentStatus(payment.id, online).data;
  const [refunding, refundModal] = useDisclosure(false);
  const [applying, applyModal] = useDisclosure(false);
  const [reversing, reverseModal] = useDisclosure(false);
  const [unapplying, setUnapplying] = useState<Application | null>(null);
  const reverse = useReversePayment(payment.id);
  const apply = useApplyPayment(payment.id);
  const unapply = useUnapplyPayment(unapplying?.id ?? null);
  const applied = payment.applications
    .filter((a) => !a.unappliedAt)
    .reduce((sum, a) => sum + BigInt(a.amount), 0n);

  return (
    <Stack gap="lg">
      <DocumentHeader
        eyebrow={t('detail.eyebrow')}
        number={payment.number}
        badges={
          online && live ? (
            <>
              <LifecycleBadge status={payment.status} />
              <PaymentStatusTag payment={payment} />
            </>
          ) : (
            <PaymentStatusTag payment={payment} />
          )
        }
        customer={<CustomerAnchor customer={payment.customer} />}
        figureLabel={t('fields.amount')}
        figure={money(payment.amount)}
        figureStruck={payment.status !== 'completed' && payment.status !== 'pending'}
        facts={[
          [t('fields.receivedOn'), format.day(payment.receivedOn)],
          [t('fields.method'), t(`invoices:methods.${payment.method}`)],
          [t('fields.reference'), payment.reference || '—'],
          // A reversed payment holds no money: nothing applied, nothing available.
          ...(live || online
            ? ([
                [t('fields.applied'), money(Number(applied))],
                [t('fields.unapplied'), money(payment.unappliedAmount)],
              ] as [string, string][])
            : ([
                [t('fields.reversedOn'), payment.reversedAt ? format.dateTime(payment.reversedAt) : '—'],
                [t('fields.available'), money(0)],
              ] as [string, string][])),
        ]}
        actions={
          <>
            {/* An online payment has a receipt once the money arrived (completed, or refunded after). */}
            {(!online || processor?.receiptUrl) && (
              <PdfButton href={receiptUrl('console', payment.id)}>{t('actions.receipt')}</PdfButton>
            )}
            {canWrite && live && payment.unappliedAmount > 0 && (
              <Button leftSection={<IconCirclePlus size={16} aria-hidden />} onClick={applyModal.open}>
                {t('detail.applyRemaining')}
              </Button>
            )}
            {/* Money taken through a processor goes back through it (a refund), never by a reversal. */}
            {canWrite && live && !online && (
              <Button
                variant="default"
                color="red"
                c="red.7"
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={reverseModal.open}
              >
                {t('detail.reverse')}
              </Button>
            )}
            {canWrite && online && processor && processor.refundable > 0 && (
              <Button
                variant="default"
                color="red"
                c="red.7"
                leftSection={<IconReceiptRefund size={16} aria-hidden />}
                onClick={refundModal.open}
              >
                {t('refund.button')}
              </Button>
            )}
          </>
        }
      />

      {payment.status === 'reversed' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconArrowBackUp size={20} aria-hidden />}
          title={t('detail.reversedTitle')}
        >
          {payment.reversedAt && t('detail.reversedText', { date: format.dateTime(payment.reversedAt) })}
          {payment.reverseReason && (
            <Text size="sm" mt={4}>
              {t('invoices:detail.voidReason', { reason: payment.reverseReason })}
            </Text>
          )}
        </Alert>
      )}

      {online && processor && <OnlinePaymentPanel payment={processor} />}

      <ApplicationsSection
        title={t('detail.applications')}
        emptyText={t('detail.noApplications')}
        applications={payment.applications}
        money={money}
        labels={{
          number: t('invoices:fields.number'),
          appliedAt: t('detail.appliedAt'),
          status: t('fields.status'),
          amount: t('fields.amount'),
          applied: t('status.applied'),
          unapply: t('detail.unapply'),
          unappliedOn: (date) => t('detail.unappliedOn', { date }),
        }}
        canUnapply={canWrite && live}
        onUnapply={setUnapplying}
      />

      {canWrite && (
        <>
          {refunding && processor && <RefundDialog payment={processor} onClose={refundModal.close} />}
          <ApplyAllocationsModal
            opened={applying}
            onClose={applyModal.close}
            title={t('detail.applyTitle', { number: payment.number })}
            customerId={payment.customer.id}
            currency={payment.currency}
            available={BigInt(payment.unappliedAmount)}
            availableLabel={t('allocation.availableUnapplied')}
            remainingLabel={t('allocation.unapplied')}
            mutation={apply}
          />
          <ReasonDialog
            opened={reversing}
            onClose={reverseModal.close}
            title={t('detail.reverseTitle', { number: payment.number })}
            text={t('detail.reverseText', { amount: money(payment.amount) })}
            submitLabel={t('detail.reverseConfirm')}
            mutation={reverse}
            onDone={() =>
              notifications.show({
                color: 'teal',
                message: t('detail.reversedDone', { number: payment.number }),
              })
            }
          />
          <ReasonDialog
            opened={unapplying !== null}
            onClose={() => setUnapplying(null)}
            title={t('detail.unapplyTitle', { number: unapplying?.invoiceNumber ?? '' })}
            text={t('detail.unapplyText', { amount: unapplying ? money(unapplying.amount) : '' })}
            submitLabel={t('detail.unapply')}
            mutation={unapply}
          />
        </>
      )}
    </Stack>
  );
}
