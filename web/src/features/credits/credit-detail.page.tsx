import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBan, IconCirclePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PdfButton } from '../../shared/ui/pdf-button';
import { ReasonDialog } from '../../shared/ui/reason-dialog';
import { DeliverDocumentButton } from '../delivery/deliver-document-button';
import { type Application, type CreditDetail, canWriteAr } from '../invoices/ar.types';
import { ApplicationsSection, CustomerAnchor, DocumentHeader } from '../invoices/document-ui';
import { DetailFallback } from '../invoices/invoice-detail';
import { ApplyAllocationsModal } from '../payments/apply-modal';
import { creditPdfUrl, useApplyCredit, useCredit, useUnapplyCredit } from './credits.api';
import { CreditStatusTag } from './credits-table';

export function CreditDetailPage() {
  const { t } = useTranslation(['credits', 'invoices', 'common']);
  const id = useParams().id ?? '';
  const credit = useCredit(id);
  usePageTitle(credit.data ? t('detail.pageTitle', { number: credit.data.number }) : t('list.title'));
  return (
    <>
      <BackLink to="/console/credits">{t('detail.back')}</BackLink>
      {credit.data ? (
        <CreditView credit={credit.data} />
      ) : (
        <DetailFallback
          query={credit}
          notFoundTitle={t('detail.notFoundTitle')}
          notFoundText={t('detail.notFoundText')}
        />
      )}
    </>
  );
}

function CreditView({ credit }: { credit: CreditDetail }) {
  const { t } = useTranslation(['credits', 'payments', 'invoices', 'common']);
  const format = useFormatters();
  const { role } = useStaffContext();
  const canWrite = canWriteAr(role);
  const live = credit.status === 'open';
  const money = (minor: number) => format.money(minor, credit.currency);
  const [applying, applyModal] = useDisclosure(false);
  const [unapplying, setUnapplying] = useState<Application | null>(null);
  const apply = useApplyCredit(credit.id);
  const unapply = useUnapplyCredit(unapplying?.id ?? null);

  return (
    <Stack gap="lg">
      <DocumentHeader
        eyebrow={t('detail.eyebrow')}
        number={credit.number}
        badges={<CreditStatusTag credit={credit} />}
        customer={<CustomerAnchor customer={credit.customer} />}
        figureLabel={t('fields.available')}
        figure={money(live ? credit.unappliedAmount : 0)}
        figureNote={t('detail.ofAmount', { amount: money(credit.amount) })}
        facts={[
          [t('fields.issueDate'), format.day(credit.issueDate)],
          [
            t('fields.invoice'),
            credit.invoice ? (
              <Anchor
                key="invoice"
                component={Link}
                to={`/console/invoices/${credit.invoice.id}`}
                size="sm"
                fw={500}
              >
                {credit.invoice.number}
              </Anchor>
            ) : (
              '—'
            ),
          ],
          [t('fields.reason'), credit.reason || '—'],
          [t('invoices:fields.currency'), credit.currency],
        ]}
        actions={
          <>
            <PdfButton href={creditPdfUrl('console', credit.id)}>{t('actions.pdf')}</PdfButton>
            {canWrite && live && (
              <DeliverDocumentButton
                document={{
                  type: 'credit_memo',
                  id: credit.id,
                  number: credit.number,
                  customer: credit.customer,
                }}
              />
            )}
            {canWrite && live && credit.unappliedAmount > 0 && (
              <Button leftSection={<IconCirclePlus size={16} aria-hidden />} onClick={applyModal.open}>
                {t('detail.apply')}
              </Button>
            )}
          </>
        }
      />

      {!live && (
        <Alert color="gray" variant="light" icon={<IconBan size={20} aria-hidden />}>
          {t('detail.voidText')}
        </Alert>
      )}

      <ApplicationsSection
        title={t('detail.applications')}
        emptyText={t('detail.noApplications')}
        applications={credit.applications}
        money={money}
        labels={{
          number: t('invoices:fields.number'),
          appliedAt: t('payments:detail.appliedAt'),
          status: t('fields.status'),
          amount: t('fields.amount'),
          applied: t('status.applied'),
          unapply: t('payments:detail.unapply'),
          unappliedOn: (date) => t('payments:detail.unappliedOn', { date }),
        }}
        canUnapply={canWrite}
        onUnapply={setUnapplying}
      />

      {canWrite && (
        <>
          <ApplyAllocationsModal
            opened={applying}
            onClose={applyModal.close}
            title={t('detail.applyTitle', { number: credit.number })}
            customerId={credit.customer.id}
            currency={credit.currency}
            available={BigInt(credit.unappliedAmount)}
            availableLabel={t('fields.available')}
            remainingLabel={t('detail.leftOnCredit')}
            mutation={apply}
          />
          <ReasonDialog
            opened={unapplying !== null}
            onClose={() => setUnapplying(null)}
            title={t('payments:detail.unapplyTitle', { number: unapplying?.invoiceNumber ?? '' })}
            text={t('detail.unapplyText', { amount: unapplying ? money(unapplying.amount) : '' })}
            submitLabel={t('payments:detail.unapply')}
            required={false}
            mutation={unapply}
          />
        </>
      )}
    </Stack>
  );
}
