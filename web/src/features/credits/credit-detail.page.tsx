import { Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBan, IconCirclePlus, IconUnlink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { type Application, type CreditDetail, canWriteAr } from '../invoices/ar.types';
import { BackLink, Facts, PdfButton, ReasonModal, Section } from '../invoices/ar-ui';
import { DetailFallback } from '../invoices/invoice-detail';
import classes from '../invoices/invoices.module.css';
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
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts="0.06em">
              {t('detail.eyebrow')}
            </Text>
            <Group gap="sm">
              <Title order={1} fz={26}>
                {credit.number}
              </Title>
              <CreditStatusTag credit={credit} />
            </Group>
            <Anchor component={Link} to={`/console/customers/${credit.customer.id}`} size="sm" fw={500}>
              {credit.customer.name} · {credit.customer.accountNumber}
            </Anchor>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts="0.04em">
              {t('fields.available')}
            </Text>
            <Text fz={28} fw={700} className={classes.money}>
              {money(live ? credit.unappliedAmount : 0)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('detail.ofAmount', { amount: money(credit.amount) })}
            </Text>
          </Stack>
        </Group>
        <Box mt="lg">
          <Facts
            rows={[
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
          />
        </Box>
        <Group mt="lg" gap="sm">
          <PdfButton href={creditPdfUrl('console', credit.id)}>{t('actions.pdf')}</PdfButton>
          {canWrite && live && credit.unappliedAmount > 0 && (
            <Button leftSection={<IconCirclePlus size={16} aria-hidden />} onClick={applyModal.open}>
              {t('detail.apply')}
            </Button>
          )}
        </Group>
      </Paper>

      {!live && (
        <Alert color="gray" variant="light" icon={<IconBan size={20} aria-hidden />}>
          {t('detail.voidText')}
        </Alert>
      )}

      <Section title={t('detail.applications')}>
        {credit.applications.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {t('detail.noApplications')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('invoices:fields.number')}</Table.Th>
                  <Table.Th>{t('payments:detail.appliedAt')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th ta="right">{t('fields.amount')}</Table.Th>
                  {canWrite && <Table.Th w={120} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {credit.applications.map((application) => (
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
                            {t('payments:detail.unappliedOn', { date: format.date(application.unappliedAt) })}
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
                    {canWrite && (
                      <Table.Td ta="right">
                        {!application.unappliedAt && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            leftSection={<IconUnlink size={14} aria-hidden />}
                            onClick={() => setUnapplying(application)}
                          >
                            {t('payments:detail.unapply')}
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
            title={t('detail.applyTitle', { number: credit.number })}
            customerId={credit.customer.id}
            currency={credit.currency}
            available={BigInt(credit.unappliedAmount)}
            availableLabel={t('fields.available')}
            remainingLabel={t('detail.leftOnCredit')}
            mutation={apply}
          />
          <ReasonModal
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
