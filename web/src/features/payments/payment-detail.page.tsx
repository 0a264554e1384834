import { Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCirclePlus, IconUnlink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { type Application, canWriteAr, type PaymentDetail } from '../invoices/ar.types';
import { BackLink, Facts, PdfButton, ReasonModal, Section } from '../invoices/ar-ui';
import { DetailFallback } from '../invoices/invoice-detail';
import classes from '../invoices/invoices.module.css';
import { ApplyAllocationsModal } from './apply-modal';
import {
  receiptUrl,
  useApplyPayment,
  usePayment,
  useReversePayment,
  useUnapplyPayment,
} from './payments.api';
import { PaymentStatusTag } from './payments-table';

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
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts="0.06em">
              {t('detail.eyebrow')}
            </Text>
            <Group gap="sm">
              <Title order={1} fz={26}>
                {payment.number}
              </Title>
              <PaymentStatusTag payment={payment} />
            </Group>
            <Anchor component={Link} to={`/console/customers/${payment.customer.id}`} size="sm" fw={500}>
              {payment.customer.name} · {payment.customer.accountNumber}
            </Anchor>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts="0.04em">
              {t('fields.amount')}
            </Text>
            <Text fz={28} fw={700} className={classes.money} td={live ? undefined : 'line-through'}>
              {money(payment.amount)}
            </Text>
          </Stack>
        </Group>
        <Box mt="lg">
          <Facts
            rows={[
              [t('fields.receivedOn'), format.day(payment.receivedOn)],
              [t('fields.method'), t(`invoices:methods.${payment.method}`)],
              [t('fields.reference'), payment.reference || '—'],
              [t('fields.applied'), money(Number(applied))],
              [t('fields.unapplied'), money(payment.unappliedAmount)],
            ]}
          />
        </Box>
        <Group mt="lg" gap="sm">
          <PdfButton href={receiptUrl('console', payment.id)}>{t('actions.receipt')}</PdfButton>
          {canWrite && live && payment.unappliedAmount > 0 && (
            <Button leftSection={<IconCirclePlus size={16} aria-hidden />} onClick={applyModal.open}>
              {t('detail.applyRemaining')}
            </Button>
          )}
          {canWrite && live && (
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
        </Group>
      </Paper>

      {!live && (
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

      <Section title={t('detail.applications')}>
        {payment.applications.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {t('detail.noApplications')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('invoices:fields.number')}</Table.Th>
                  <Table.Th>{t('detail.appliedAt')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th ta="right">{t('fields.amount')}</Table.Th>
                  {canWrite && live && <Table.Th w={120} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payment.applications.map((application) => (
                  <Table.Tr key={application.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/console/invoices/${application.invoiceId}`}
                        size="sm"
                        fw={600}
                      >
                        {application.invoiceNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td fz="sm">{format.dateTime(application.createdAt)}</Table.Td>
                    <Table.Td>
                      {application.unappliedAt ? (
                        <Stack gap={0}>
                          <Badge color="gray" variant="light" radius="sm" tt="none" w="fit-content">
                            {t('detail.unappliedOn', { date: format.date(application.unappliedAt) })}
                          </Badge>
                          {application.unapplyReason && (
                            <Text className={classes.sub}>{application.unapplyReason}</Text>
                          )}
                        </Stack>
                      ) : (
                        <Badge color="teal" variant="light" radius="sm" tt="none">
                          {t('status.applied')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td className={classes.num} fz="sm" fw={600}>
                      <span className={application.unappliedAt ? classes.struck : undefined}>
                        {money(application.amount)}
                      </span>
                    </Table.Td>
                    {canWrite && live && (
                      <Table.Td ta="right">
                        {!application.unappliedAt && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            leftSection={<IconUnlink size={14} aria-hidden />}
                            onClick={() => setUnapplying(application)}
                          >
                            {t('detail.unapply')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      {canWrite && (
        <>
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
          <ReasonModal
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
          <ReasonModal
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
