import {
  Alert,
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconLock, IconShieldCheck } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { useFormatters } from '../../app/format';
import classes from '../../shared/ui/kit.module.css';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableScroll } from '../../shared/ui/table-scroll';
import { MethodIcon } from './method-label';
import type { MethodChoice, PayInvoice } from './pay-logic';
import type { PaymentOptions, Quote } from './portal-pay.api';
import payClasses from './portal-pay.module.css';
import { StepTitle } from './step-title';

export interface ReviewStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  options: PaymentOptions;
  currency: string;
  method: MethodChoice;
  methodTitle: string;
  rows: PayInvoice[];
  allocations: { invoiceId: string; amount: bigint }[];
  quote: { data: Quote | undefined; error: unknown; isFetching: boolean; refetch: () => unknown };
  /** The API's per-invoice messages of a refused quote or payment. */
  invoiceErrors: Record<string, string>;
  achAccepted: boolean;
  onAchAccepted: (accepted: boolean) => void;
  paying: boolean;
  payError: unknown;
  showErrors: boolean;
  onPay: () => void;
  onBack: () => void;
  /** Other words for who pays (staff taking a payment for a customer); the payer's by default. */
  texts?: { achAccept?: string; achRequired?: string; pay?: (amount: string) => string; once?: string };
}

/** Step 3: what is paid on each invoice, the card fee (the server's quote), the total, and "Pay". */
export function ReviewStep({
  headingRef,
  options,
  currency,
  method,
  methodTitle,
  rows,
  allocations,
  quote,
  invoiceErrors,
  achAccepted,
  onAchAccepted,
  paying,
  payError,
  showErrors,
  onPay,
  onBack,
  texts = {},
}: ReviewStepProps) {
  const { t } = useTranslation(['portalPay', 'common']);
  const format = useFormatters();
  const money = (minor: number | bigint) => format.money(minor, currency);
  const numbers = new Map(rows.map((row) => [row.id, row.number]));
  const ach = method.kind === 'ach';
  const fresh = quote.data && !quote.isFetching && !quote.error;
  const total = quote.data?.total;

  return (
    <Stack gap="md">
      <StepTitle ref={headingRef}>{t('review.title')}</StepTitle>
      {quote.error !== null && quote.error !== undefined && (
        <ProblemAlert error={quote.error} onRetry={() => void quote.refetch()} />
      )}
      <Paper withBorder className={classes.section}>
        <TableScroll minWidth={420} stack>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('review.invoice')}</Table.Th>
                <Table.Th ta="right">{t('review.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {allocations.map((allocation) => (
                <Table.Tr key={allocation.invoiceId}>
                  <Table.Td data-primary>
                    <Text size="sm" fw={600}>
                      {numbers.get(allocation.invoiceId) ?? allocation.invoiceId}
                    </Text>
                    {invoiceErrors[allocation.invoiceId] && (
                      <Text size="xs" c="red.7" role="alert">
                        {invoiceErrors[allocation.invoiceId]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className={classes.num} fz="sm" fw={600} data-label={t('review.amount')}>
                    {money(allocation.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        <Box p="md" className={classes.footer}>
          <Group justify="space-between" align="flex-start" gap="lg">
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts="0.04em">
                {t('review.paidWith')}
              </Text>
              <Group gap={8} wrap="nowrap">
                <MethodIcon kind={method.kind} />
                <Text size="sm" fw={600}>
                  {methodTitle}
                </Text>
              </Group>
            </Stack>
            <Box flex={1} maw={360} aria-live="polite" aria-busy={quote.isFetching}>
              {quote.data ? (
                <table className={classes.totals}>
                  <tbody>
                    <tr>
                      <th>{t('review.subtotal')}</th>
                      <td>{money(quote.data.amount)}</td>
                    </tr>
                    {quote.data.fee > 0 && (
                      <tr>
                        <th>{t('review.fee')}</th>
                        <td data-testid="pay-fee">{money(quote.data.fee)}</td>
                      </tr>
                    )}
                    <tr data-open>
                      <th>{t('review.total')}</th>
                      <td data-testid="pay-review-total">{money(quote.data.total)}</td>
                    </tr>
                  </tbody>
                </table>
              ) : quote.error ? null : (
                <Stack gap={6}>
                  <Text size="sm" c="dimmed">
                    {t('review.quoting')}
                  </Text>
                  <Skeleton height={16} />
                  <Skeleton height={16} />
                </Stack>
              )}
            </Box>
          </Group>
        </Box>
      </Paper>

      {ach && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} fz="sm">
              {t('review.achTitle')}
            </Title>
            <Box p="sm" className={payClasses.authorization} tabIndex={0} id="ach-authorization">
              {options.achAuthorization}
            </Box>
            <Checkbox
              label={texts.achAccept ?? t('review.achAccept')}
              checked={achAccepted}
              onChange={(event) => onAchAccepted(event.currentTarget.checked)}
              aria-describedby="ach-authorization"
              required
              error={showErrors && !achAccepted ? (texts.achRequired ?? t('review.achRequired')) : undefined}
            />
          </Stack>
        </Paper>
      )}

      {payError !== null && payError !== undefined && (
        <Stack gap="xs">
          <ProblemAlert error={payError} />
          {isApiError(payError, 'network_error') && (
            <Alert color="yellow" variant="light">
              {t('review.networkRetry')}
            </Alert>
          )}
        </Stack>
      )}

      <Group justify="space-between" gap="sm">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t('review.back')}
        </Button>
        <Stack gap={4} align="flex-end">
          <Button
            size="md"
            leftSection={<IconLock size={18} aria-hidden />}
            onClick={onPay}
            loading={paying}
            // Enabled once the total is known; a missing ACH acceptance is said under its box.
            disabled={!fresh || paying}
            data-testid="pay-submit"
          >
            {total === undefined
              ? t('review.payNoAmount')
              : (texts.pay?.(money(total)) ?? t('review.pay', { amount: money(total) }))}
          </Button>
          <Group gap={4} c="dimmed" wrap="nowrap" align="flex-start">
            <IconShieldCheck size={14} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
            <Text size="xs">{texts.once ?? t('review.once')}</Text>
          </Group>
        </Stack>
      </Group>
    </Stack>
  );
}
