import {
  Alert,
  Anchor,
  Box,
  Button,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconEraser, IconSortAscendingNumbers } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currencyExponent, useFormatters } from '../../app/format';
import { minorToInput } from '../../app/money-input';
import { DueDate } from '../../shared/ui/due-date';
import classes from '../../shared/ui/kit.module.css';
import { Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableScroll } from '../../shared/ui/table-scroll';
import { type RowProblem, textsFromPreview } from './allocation-rows';
import type { useAllocation } from './allocations';
import editorClasses from './payments.module.css';

export interface AllocationEditorProps {
  customerId: string | null;
  currency: string | null;
  /** What may be allocated (payment amount, or what is left unapplied); null until known. */
  available: bigint | null;
  availableLabel: string;
  /** The label of what is left: "kept as unapplied cash" or "left on the credit memo". */
  remainingLabel: string;
  texts: Record<string, string>;
  onTextsChange: (texts: Record<string, string>) => void;
  /** The rows, the check of what is typed and the server's preview (useAllocation). */
  allocation: ReturnType<typeof useAllocation>;
}

/**
 * The allocation screen: the customer's open invoices in the document's currency, oldest due
 * first, with an amount to apply on each, and a live footer of what is allocated and what is left.
 * "Apply oldest first" fills in the server's own dry run of that rule (pending amounts held back,
 * every open invoice reached); the amounts stay editable.
 */
export function AllocationEditor({
  customerId,
  currency,
  available,
  availableLabel,
  remainingLabel,
  texts,
  onTextsChange,
  allocation,
}: AllocationEditorProps) {
  const { rows, check, query, truncated, preview } = allocation;
  const { t } = useTranslation(['payments', 'invoices', 'common']);
  const format = useFormatters();
  const money = (minor: number | bigint) => (currency ? format.money(minor, currency) : '—');

  const problemText = (problem: RowProblem) => {
    if (problem.kind === 'exceedsOpen') return t('allocation.exceedsOpen', { amount: money(problem.open) });
    if (problem.reason === 'tooManyDecimals')
      return t('invoices:amount.tooManyDecimals', { currency, digits: currencyExponent(currency ?? 'USD') });
    return t(`invoices:amount.${problem.reason}`);
  };

  const remaining = available === null ? null : available - check.allocated;
  const openTotal = rows.reduce((sum, row) => sum + BigInt(row.openAmount), 0n);
  const [filling, setFilling] = useState(false);
  const [fillError, setFillError] = useState<unknown>(null);
  const fillOldestFirst = async () => {
    setFilling(true);
    setFillError(null);
    try {
      const answer = await preview.load();
      if (answer && currency) onTextsChange(textsFromPreview(answer, currency, format.locale));
    } catch (error) {
      setFillError(error);
    } finally {
      setFilling(false);
    }
  };

  let body: ReactNode;
  if (!customerId || !currency) {
    body = (
      <Text size="sm" c="dimmed" p="md">
        {t('allocation.chooseCustomer')}
      </Text>
    );
  } else if (query.isError) {
    body = (
      <Box p="md">
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Box>
    );
  } else if (!query.data) {
    body = (
      <Stack p="md" gap="xs">
        <Skeleton height={18} />
        <Skeleton height={18} />
        <Skeleton height={18} />
      </Stack>
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState
        py={32}
        icon={<IconChecklist size={26} stroke={1.5} aria-hidden />}
        withIndicatorBackground
        title={t('allocation.noOpenTitle')}
        description={t('allocation.noOpenText', { currency })}
      />
    );
  } else {
    body = (
      <TableScroll minWidth={680} stack>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices:fields.number')}</Table.Th>
              <Table.Th>{t('invoices:fields.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('invoices:fields.total')}</Table.Th>
              <Table.Th ta="right">{t('invoices:fields.openAmount')}</Table.Th>
              <Table.Th ta="right" w={200}>
                {t('allocation.toApply')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((invoice) => {
              const problem = check.problems[invoice.id];
              return (
                <Table.Tr key={invoice.id}>
                  <Table.Td data-primary>
                    <Anchor
                      component={Link}
                      to={`/console/invoices/${invoice.id}`}
                      target="_blank"
                      size="sm"
                      fw={600}
                    >
                      {invoice.number}
                    </Anchor>
                    {invoice.poNumber && (
                      <Text className={classes.sub}>
                        {t('invoices:fields.poShort', { po: invoice.poNumber })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-label={t('invoices:fields.dueDate')}>
                    {invoice.invoice ? (
                      <DueDate invoice={invoice.invoice} />
                    ) : (
                      <Text size="sm" className={classes.nowrap}>
                        {format.day(invoice.dueDate)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td
                    className={classes.num}
                    fz="sm"
                    c="dimmed"
                    data-label={t('invoices:fields.total')}
                  >
                    {invoice.total === null || !currency ? (
                      '—'
                    ) : (
                      <Money minor={invoice.total} currency={currency} />
                    )}
                  </Table.Td>
                  <Table.Td
                    className={classes.num}
                    fz="sm"
                    fw={600}
                    data-label={t('invoices:fields.openAmount')}
                  >
                    {currency ? <Money minor={invoice.openAmount} currency={currency} /> : '—'}
                  </Table.Td>
                  <Table.Td data-label={t('allocation.toApply')}>
                    <TextInput
                      aria-label={t('allocation.toApplyOn', { number: invoice.number })}
                      inputMode="decimal"
                      size="sm"
                      placeholder="0"
                      w={170}
                      ml="auto"
                      classNames={{ input: editorClasses.amountInput }}
                      value={texts[invoice.id] ?? ''}
                      error={problem ? problemText(problem) : undefined}
                      onChange={(event) =>
                        onTextsChange({ ...texts, [invoice.id]: event.currentTarget.value })
                      }
                      rightSection={
                        texts[invoice.id] ? undefined : (
                          <Button
                            variant="subtle"
                            size="compact-xs"
                            onClick={() => {
                              const open = BigInt(invoice.limit);
                              const amount = remaining === null ? open : remaining < open ? remaining : open;
                              if (amount <= 0n) return;
                              onTextsChange({
                                ...texts,
                                [invoice.id]: minorToInput(amount, currency, format.locale),
                              });
                            }}
                            aria-label={t('allocation.fillRow', { number: invoice.number })}
                          >
                            {t('allocation.max')}
                          </Button>
                        )
                      }
                      rightSectionWidth={texts[invoice.id] ? undefined : 52}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    );
  }

  return (
    <Paper withBorder className={classes.section}>
      <Group px="md" py="sm" justify="space-between" gap="sm" className={classes.sectionHeader}>
        <Stack gap={0}>
          <Title order={2} fz="md">
            {t('allocation.title')}
          </Title>
          {rows.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('allocation.openSummary', { count: rows.length, amount: money(openTotal) })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button
            variant="light"
            size="xs"
            leftSection={<IconSortAscendingNumbers size={14} aria-hidden />}
            disabled={available === null || available <= 0n || rows.length === 0}
            loading={filling}
            onClick={() => void fillOldestFirst()}
          >
            {t('allocation.oldestFirst')}
          </Button>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconEraser size={14} aria-hidden />}
            disabled={Object.values(texts).every((text) => !text)}
            onClick={() => onTextsChange({})}
          >
            {t('allocation.clear')}
          </Button>
        </Group>
      </Group>
      {truncated && (
        <Alert color="yellow" variant="light" m="md" mb={0}>
          {t('allocation.truncated')}
        </Alert>
      )}
      {fillError !== null && (
        <Box px="md" pt="md">
          <ProblemAlert error={fillError} />
        </Box>
      )}
      {body}
      <Group className={editorClasses.allocationFooter} justify="flex-end" gap="xl" p="md" aria-live="polite">
        <FooterFigure label={availableLabel} value={available === null ? '—' : money(available)} />
        <FooterFigure label={t('allocation.allocated')} value={money(check.allocated)} />
        <FooterFigure
          label={remainingLabel}
          value={remaining === null ? '—' : money(remaining < 0n ? 0n : remaining)}
          strong
        />
      </Group>
      {check.excess > 0n && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          mx="md"
          mb="md"
          role="alert"
        >
          {t('allocation.exceedsAvailable', { amount: money(check.excess) })}
        </Alert>
      )}
    </Paper>
  );
}

function FooterFigure({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <Stack gap={0} align="flex-end">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts="0.04em">
        {label}
      </Text>
      <Text fw={strong ? 700 : 600} fz={strong ? 'lg' : 'md'} className={classes.money} data-amount>
        {value}
      </Text>
    </Stack>
  );
}
