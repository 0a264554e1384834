import {
  Alert,
  Anchor,
  Badge,
  Box,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconBan, IconFileOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api/client';
import { useFormatters } from '../../app/format';
import { InvoiceStatusBadge, OverdueBadge, PaymentStatusBadge } from '../../shared/ui/badges';
import classes from '../../shared/ui/kit.module.css';
import { PdfButton } from '../../shared/ui/pdf-button';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { TableScroll } from '../../shared/ui/table-scroll';
import type { Audience, InvoiceDetail } from './ar.types';
import { DocumentHeader } from './document-ui';
import { invoicePdfUrl } from './invoices.api';

export interface InvoiceDetailViewProps {
  invoice: InvoiceDetail;
  audience: Audience;
  /** Buttons next to "Download PDF" (void, record payment…). */
  actions?: ReactNode;
  /** Where a payment or a credit memo of the history links to, if anywhere. */
  paymentLink?: (paymentId: string) => string;
  creditLink?: (creditMemoId: string) => string;
  customerLink?: string;
}

/** Everything on an invoice: header, lines with their taxes, fees, totals, and what has been applied to it. */
export function InvoiceDetailView({
  invoice,
  audience,
  actions,
  paymentLink,
  creditLink,
  customerLink,
}: InvoiceDetailViewProps) {
  const { t } = useTranslation(['invoices', 'common']);
  const format = useFormatters();
  const money = (minor: number | bigint) => format.money(minor, invoice.currency);
  const paid = invoice.payments.filter((p) => !p.unappliedAt).reduce((sum, p) => sum + BigInt(p.amount), 0n);
  const credited = invoice.credits
    .filter((c) => !c.unappliedAt)
    .reduce((sum, c) => sum + BigInt(c.amount), 0n);
  const showSku = invoice.lines.some((line) => line.sku);
  const showUnit = invoice.lines.some((line) => line.unit);
  const showDiscount = invoice.lines.some((line) => line.discountAmount !== 0);
  // Document discounts (an imported allowance: amount < 0) are listed with the fees, and totalled apart.
  const fees = invoice.charges.filter((charge) => charge.kind === 'fee' || charge.kind === 'discount');
  const documentDiscount = invoice.charges
    .filter((charge) => charge.kind === 'discount')
    .reduce((sum, charge) => sum + BigInt(charge.amount), 0n);
  const feesOnly = BigInt(invoice.feeTotal) - documentDiscount;
  const documentTaxes = invoice.charges.filter((charge) => charge.kind === 'tax');

  // Taxes by name and rate across lines and document-level charges.
  const taxSummary = new Map<string, { name: string; rate: string | null; amount: bigint }>();
  for (const tax of [...invoice.lines.flatMap((line) => line.taxes), ...documentTaxes]) {
    const key = `${tax.name}|${tax.rate ?? ''}`;
    const entry = taxSummary.get(key) ?? { name: tax.name, rate: tax.rate, amount: 0n };
    entry.amount += BigInt(tax.amount);
    taxSummary.set(key, entry);
  }

  const rate = (value: string | null) => (value === null ? '' : ` (${format.number(Number(value))} %)`);
  const quantity = (value: string) => {
    const n = Number(value);
    return Number.isFinite(n)
      ? new Intl.NumberFormat(format.locale, { maximumFractionDigits: 6 }).format(value as `${number}`)
      : value;
  };
  const unitPrice = (value: string) =>
    new Intl.NumberFormat(format.locale, {
      style: 'currency',
      currency: invoice.currency,
      maximumFractionDigits: 6,
    }).format(value as `${number}`);

  return (
    <Stack gap="lg">
      <DocumentHeader
        eyebrow={t('detail.eyebrow')}
        number={invoice.number}
        badgesAlign="center"
        badges={
          <>
            <InvoiceStatusBadge status={invoice.status} />
            {invoice.status === 'open' && <PaymentStatusBadge status={invoice.paymentStatus} />}
            {invoice.status === 'open' && invoice.overdue && <OverdueBadge days={invoice.daysOverdue} />}
          </>
        }
        customer={
          <Text size="sm" c="dimmed">
            {customerLink ? (
              <Anchor component={Link} to={customerLink} size="sm" fw={500}>
                {invoice.customer.name}
              </Anchor>
            ) : (
              invoice.customer.name
            )}{' '}
            · {invoice.customer.accountNumber}
          </Text>
        }
        figureLabel={t('fields.openAmount')}
        figure={invoice.status === 'void' ? '—' : money(invoice.openAmount)}
        figureColor={invoice.overdue && invoice.status === 'open' ? 'red.7' : undefined}
        figureNote={t('detail.ofTotal', { total: money(invoice.total) })}
        facts={[
          [t('fields.issueDate'), format.day(invoice.issueDate)],
          [invoice.overdue ? t('fields.wasDue') : t('fields.dueDate'), format.day(invoice.dueDate)],
          [t('fields.poNumber'), invoice.poNumber || '—'],
          [t('fields.currency'), invoice.currency],
          ...(invoice.erpId && audience === 'console'
            ? [[t('fields.erpId'), invoice.erpId] as [string, ReactNode]]
            : []),
        ]}
        actions={
          <>
            <PdfButton href={invoicePdfUrl(audience, invoice.id)}>{t('detail.downloadPdf')}</PdfButton>
            {actions}
          </>
        }
      />

      {invoice.status === 'void' && (
        <Alert
          color="gray"
          variant="light"
          icon={<IconBan size={20} aria-hidden />}
          title={t('detail.voidTitle')}
        >
          {invoice.voidedAt ? t('detail.voidText', { date: format.dateTime(invoice.voidedAt) }) : null}
          {invoice.voidReason && (
            <Text size="sm" mt={4}>
              {t('detail.voidReason', { reason: invoice.voidReason })}
            </Text>
          )}
        </Alert>
      )}

      <Section title={t('detail.lines')}>
        <TableScroll minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                {showSku && <Table.Th>{t('lines.sku')}</Table.Th>}
                <Table.Th miw={220}>{t('lines.description')}</Table.Th>
                <Table.Th ta="right">{t('lines.quantity')}</Table.Th>
                {showUnit && <Table.Th>{t('lines.unit')}</Table.Th>}
                <Table.Th ta="right">{t('lines.unitPrice')}</Table.Th>
                {showDiscount && <Table.Th ta="right">{t('lines.discount')}</Table.Th>}
                <Table.Th ta="right">{t('lines.taxes')}</Table.Th>
                <Table.Th ta="right">{t('lines.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((line) => (
                <Table.Tr key={line.lineNo}>
                  {showSku && (
                    <Table.Td fz="sm" ff="monospace" className={classes.nowrap}>
                      {line.sku ?? '—'}
                    </Table.Td>
                  )}
                  <Table.Td fz="sm">
                    {line.description}
                    {line.taxes.length > 0 && (
                      <Text className={classes.sub}>
                        {line.taxes.map((tax) => `${tax.name}${rate(tax.rate)}`).join(' · ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className={classes.num} fz="sm">
                    {quantity(line.quantity)}
                  </Table.Td>
                  {showUnit && <Table.Td fz="sm">{line.unit ?? ''}</Table.Td>}
                  <Table.Td className={classes.num} fz="sm">
                    {unitPrice(line.unitPrice)}
                  </Table.Td>
                  {showDiscount && (
                    <Table.Td className={classes.num} fz="sm" data-amount>
                      {line.discountAmount ? money(-line.discountAmount) : '—'}
                    </Table.Td>
                  )}
                  <Table.Td className={classes.num} fz="sm" data-amount>
                    {money(line.taxAmount)}
                  </Table.Td>
                  <Table.Td className={classes.num} fz="sm" fw={600} data-amount>
                    {money(line.totalAmount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        <Grid p="md" gap="xl" className={classes.footer}>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Stack gap="md">
              {taxSummary.size > 0 && (
                <FooterBlock title={t('detail.taxDetail')}>
                  <AmountsTable
                    rows={[...taxSummary.values()].map((tax) => ({
                      key: `${tax.name}${tax.rate}`,
                      label: `${tax.name}${rate(tax.rate)}`,
                      amount: money(Number(tax.amount)),
                    }))}
                  />
                </FooterBlock>
              )}
              {fees.length > 0 && (
                <FooterBlock
                  title={documentDiscount !== 0n ? t('detail.feesAndDiscounts') : t('detail.fees')}
                >
                  <AmountsTable
                    rows={fees.map((fee) => ({
                      key: fee.name,
                      label: `${fee.name}${rate(fee.rate)}`,
                      amount: money(fee.amount),
                    }))}
                  />
                </FooterBlock>
              )}
              {invoice.notes && (
                <FooterBlock title={t('fields.notes')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {invoice.notes}
                  </Text>
                </FooterBlock>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <table className={classes.totals} aria-label={t('detail.totals')}>
              <tbody>
                <tr>
                  <th>{t('totals.subtotal')}</th>
                  <td data-amount>{money(invoice.subtotal)}</td>
                </tr>
                {invoice.discountTotal !== 0 && (
                  <tr>
                    <th>{t('totals.discounts')}</th>
                    <td data-amount>{money(-invoice.discountTotal)}</td>
                  </tr>
                )}
                <tr>
                  <th>{t('totals.taxes')}</th>
                  <td data-amount>{money(invoice.taxTotal)}</td>
                </tr>
                {feesOnly !== 0n && (
                  <tr>
                    <th>{t('totals.fees')}</th>
                    <td data-amount>{money(feesOnly)}</td>
                  </tr>
                )}
                {documentDiscount !== 0n && (
                  <tr>
                    <th>{t('totals.documentDiscount')}</th>
                    <td data-amount>{money(documentDiscount)}</td>
                  </tr>
                )}
                <tr data-strong>
                  <th>{t('totals.total')}</th>
                  <td data-amount>{money(invoice.total)}</td>
                </tr>
                <tr>
                  <th>{t('totals.paid')}</th>
                  <td data-amount>{money(-paid)}</td>
                </tr>
                <tr>
                  <th>{t('totals.credited')}</th>
                  <td data-amount>{money(-credited)}</td>
                </tr>
                <tr data-strong data-open>
                  <th>{t('totals.open')}</th>
                  <td data-amount>{invoice.status === 'void' ? '—' : money(invoice.openAmount)}</td>
                </tr>
              </tbody>
            </table>
          </Grid.Col>
        </Grid>
      </Section>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <AppliedList
            title={t('detail.payments')}
            emptyText={t('detail.noPayments')}
            money={money}
            rows={invoice.payments.map((payment) => ({
              key: payment.applicationId,
              number: payment.number,
              link: paymentLink?.(payment.paymentId),
              sub: `${t(`methods.${payment.method}`)} · ${format.day(payment.receivedOn)}`,
              amount: payment.amount,
              unapplied: Boolean(payment.unappliedAt),
            }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <AppliedList
            title={t('detail.credits')}
            emptyText={t('detail.noCredits')}
            money={money}
            rows={invoice.credits.map((credit) => ({
              key: credit.applicationId,
              number: credit.number,
              link: creditLink?.(credit.creditMemoId),
              sub: format.dateTime(credit.appliedAt),
              amount: credit.amount,
              unapplied: Boolean(credit.unappliedAt),
            }))}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** A small titled block under the lines (tax detail, fees, notes). */
function FooterBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts="0.04em" mb={4}>
        {title}
      </Text>
      {children}
    </Box>
  );
}

/** Label → amount rows in the totals style, flush left. */
function AmountsTable({ rows }: { rows: { key: string; label: string; amount: string }[] }) {
  return (
    <table className={classes.totals} style={{ marginLeft: 0 }}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th>{row.label}</th>
            <td data-amount>{row.amount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What has been applied to the invoice from payments or from credit memos. */
function AppliedList({
  title,
  emptyText,
  money,
  rows,
}: {
  title: string;
  emptyText: string;
  money: (minor: number) => string;
  rows: { key: string; number: string; link?: string; sub: string; amount: number; unapplied: boolean }[];
}) {
  const { t } = useTranslation(['invoices']);
  return (
    <Section title={title}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" p="md">
          {emptyText}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>
                  {row.link ? (
                    <Anchor component={Link} to={row.link} size="sm" fw={600}>
                      {row.number}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600}>
                      {row.number}
                    </Text>
                  )}
                  <Text className={classes.sub}>{row.sub}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  {row.unapplied ? (
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <Badge size="xs" color="gray" variant="light" tt="none">
                        {t('detail.unapplied')}
                      </Badge>
                      <Text size="sm" className={classes.struck} data-amount>
                        {money(row.amount)}
                      </Text>
                    </Group>
                  ) : (
                    <Text size="sm" fw={600} className={classes.money} data-amount>
                      {money(row.amount)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** Loading, not found or failed, for any AR detail page. */
export function DetailFallback({
  query,
  notFoundTitle,
  notFoundText,
}: {
  query: { error: unknown; isError: boolean; refetch: () => unknown };
  notFoundTitle: string;
  notFoundText: string;
}) {
  // An address whose id is not one of ours (a 400 on the id) is as missing as an unknown one.
  if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'validation_failed')) {
    return (
      <Paper withBorder p="xl">
        <Stack align="center" gap="xs" py="lg">
          <IconFileOff size={32} stroke={1.5} aria-hidden color="var(--mantine-color-gray-5)" />
          <Title order={2} fz="lg">
            {notFoundTitle}
          </Title>
          <Text size="sm" c="dimmed" ta="center" maw={420}>
            {notFoundText}
          </Text>
        </Stack>
      </Paper>
    );
  }
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap="lg">
      <Skeleton height={180} radius="md" />
      <Skeleton height={260} radius="md" />
    </Stack>
  );
}
