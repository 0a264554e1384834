import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyExponent, useFormatters } from '../../app/format';
import { minorToInput } from '../../app/money-input';
import { useSession } from '../../app/session';
import { DueDate } from '../../shared/ui/due-date';
import classes from '../../shared/ui/kit.module.css';
import { Money } from '../../shared/ui/money';
import { TableScroll } from '../../shared/ui/table-scroll';
import editorClasses from '../payments/payments.module.css';
import type { AmountProblem, AmountsCheck, PartialRule, PayInvoice } from './pay-logic';
import payClasses from './portal-pay.module.css';
import { StepTitle } from './step-title';

const isEmpty = (problem: AmountProblem) => problem.kind === 'parse' && problem.reason === 'empty';

export interface AmountsStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  currency: string;
  currencies: string[];
  onCurrency: (currency: string) => void;
  rows: PayInvoice[];
  /** Selected invoices with nothing left to pay online (paid, or their balance already pending). */
  notPayable: PayInvoice[];
  texts: Record<string, string>;
  onText: (invoiceId: string, text: string) => void;
  excluded: ReadonlySet<string>;
  onInclude: (invoiceId: string, included: boolean) => void;
  partial: PartialRule;
  check: AmountsCheck;
  /** Shown once the payer tries to continue with something wrong. */
  showErrors: boolean;
  onContinue: () => void;
}

/** Step 1: each invoice with what is open and what to pay on it; the total follows what is typed. */
export function AmountsStep({
  headingRef,
  currency,
  currencies,
  onCurrency,
  rows,
  notPayable,
  texts,
  onText,
  excluded,
  onInclude,
  partial,
  check,
  showErrors,
  onContinue,
}: AmountsStepProps) {
  const { t } = useTranslation(['portalPay', 'invoices', 'common']);
  const format = useFormatters();
  // The seller: the portal's account and the console's staff both know whom they pay.
  const orgName = useSession().context?.orgName ?? '';
  const money = (minor: number | bigint) => format.money(minor, currency);

  const problemText = (problem: AmountProblem) => {
    switch (problem.kind) {
      case 'parse':
        return problem.reason === 'tooManyDecimals'
          ? t('invoices:amount.tooManyDecimals', { currency, digits: currencyExponent(currency) })
          : t(`invoices:amount.${problem.reason}`);
      case 'exceedsPayable':
        return t('amounts.errors.exceedsPayable', { amount: money(problem.payable) });
      case 'belowMinimum':
        return t('amounts.errors.belowMinimum', { amount: money(problem.minimum) });
      case 'partialNotAllowed':
        return t('amounts.errors.partialNotAllowed');
    }
  };

  const included = rows.filter((row) => !excluded.has(row.id)).length;
  const hasProblems = Object.keys(check.problems).length > 0;

  return (
    <Stack gap="md">
      <StepTitle ref={headingRef}>{t('amounts.title')}</StepTitle>
      {currencies.length > 1 && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text size="sm" fw={600} id="pay-currency-label">
              {t('amounts.currencyLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="pay-currency-label"
              value={currency}
              onChange={onCurrency}
              data={currencies}
              w="fit-content"
            />
            <Text size="sm" c="dimmed">
              {t('amounts.currencyHelp', { currency })}
            </Text>
          </Stack>
        </Paper>
      )}
      <Text size="sm" c="dimmed">
        {!partial.allowed
          ? t('amounts.fixedHelp', { org: orgName })
          : partial.minimum
            ? t('amounts.partialMinimumHelp', { amount: money(partial.minimum) })
            : t('amounts.partialHelp')}
      </Text>
      <Paper withBorder className={classes.section}>
        <TableScroll minWidth={640} stack>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('review.invoice')}</Table.Th>
                <Table.Th>{t('invoices:fields.dueDate')}</Table.Th>
                <Table.Th ta="right">{t('amounts.open')}</Table.Th>
                <Table.Th ta="right" w={220}>
                  {t('amounts.amountLabel')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const out = excluded.has(row.id);
                const problem = check.problems[row.id];
                const pending = BigInt(row.openAmount) - row.payable;
                return (
                  <Table.Tr key={row.id} className={out ? payClasses.excludedRow : undefined}>
                    <Table.Td data-primary>
                      <Checkbox
                        label={row.number}
                        aria-label={t('amounts.include', { number: row.number })}
                        checked={!out}
                        onChange={(event) => onInclude(row.id, event.currentTarget.checked)}
                        classNames={{ label: payClasses.invoiceLabel }}
                      />
                    </Table.Td>
                    <Table.Td data-label={t('invoices:fields.dueDate')}>
                      <div>
                        <DueDate invoice={row} />
                      </div>
                    </Table.Td>
                    <Table.Td className={classes.num} fz="sm" data-label={t('amounts.open')}>
                      <div>
                        <Money minor={row.openAmount} currency={currency} />
                        {pending > 0n && (
                          <Text size="xs" c="grape.7">
                            {t('amounts.pendingNote', { amount: money(pending) })}
                          </Text>
                        )}
                      </div>
                    </Table.Td>
                    <Table.Td data-label={t('amounts.amountLabel')}>
                      {partial.allowed ? (
                        <TextInput
                          aria-label={t('amounts.amountOn', { number: row.number })}
                          inputMode="decimal"
                          autoComplete="off"
                          size="sm"
                          w={200}
                          ml="auto"
                          disabled={out}
                          classNames={{ input: editorClasses.amountInput }}
                          value={texts[row.id] ?? ''}
                          error={
                            !out && problem && (showErrors || !isEmpty(problem))
                              ? problemText(problem)
                              : undefined
                          }
                          onChange={(event) => onText(row.id, event.currentTarget.value)}
                          rightSection={
                            texts[row.id] === minorToInput(row.payable, currency, format.locale) ||
                            out ? undefined : (
                              <Button
                                variant="subtle"
                                size="compact-xs"
                                onClick={() =>
                                  onText(row.id, minorToInput(row.payable, currency, format.locale))
                                }
                                aria-label={t('amounts.payAllOn', { number: row.number })}
                              >
                                {t('amounts.payAll')}
                              </Button>
                            )
                          }
                          rightSectionWidth={52}
                        />
                      ) : (
                        <Text size="sm" fw={600} ta="right" c={out ? 'dimmed' : undefined}>
                          <Money minor={row.payable} currency={currency} />
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {notPayable.length > 0 && (
          <Text size="sm" c="dimmed" px="md" py="sm" className={classes.footer}>
            {t('amounts.notPayable', { numbers: notPayable.map((row) => row.number).join(', ') })}
          </Text>
        )}
      </Paper>

      <Group className={payClasses.stickyFooter} justify="space-between" gap="md">
        <Stack gap={0} aria-live="polite" aria-atomic="true">
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" lts="0.04em">
            {t('amounts.total')} · {t('amounts.count', { count: check.allocations.length })}
          </Text>
          <Text fw={700} fz="xl" className={classes.money} data-amount data-testid="pay-total">
            {money(check.total)}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={onContinue}>
            {t('amounts.continue')}
          </Button>
          {showErrors && (included === 0 || hasProblems) && (
            <Text size="xs" c="red.7" role="alert">
              {included === 0 ? t('amounts.noneIncluded') : t('amounts.fixErrors')}
            </Text>
          )}
        </Stack>
      </Group>
      {rows.length === 0 && (
        <Alert color="gray" variant="light">
          {t('page.nothingText')}
        </Alert>
      )}
    </Stack>
  );
}
