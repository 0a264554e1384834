import {
  ActionIcon,
  Button,
  Divider,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileInvoice, IconMailDollar, IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, apiRequest } from '../../app/api/client';
import type { ResponseOf } from '../../app/api/wire';
import { DayInput } from '../../app/date-input';
import { currencyExponent, useFormatters } from '../../app/format';
import { parseMoneyInput } from '../../app/money-input';
import { usePageTitle } from '../../app/page-title';
import { queryKeys, useInvalidate } from '../../app/query-keys';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CustomerSelect } from '../customers/customer-select';
import { useCustomer } from '../customers/customers.api';
import { placeProblem } from '../customers/form-problems';
import { todayIso } from '../invoices/document-form';
import { useSendPayNow } from '../pay-now/pay-now.api';
import {
  decimalText,
  dueFromTerms,
  type FeeValues,
  feeBody,
  formPathOf,
  type InvoicePreviewBody,
  type LineValues,
  lineBody,
  type NewInvoiceBody,
  previewBody,
  rateText,
} from './invoice-lines';

type InvoicePreview = ResponseOf<'postConsoleInvoicesPreview'>;
type InvoiceDetail = ResponseOf<'getConsoleInvoicesById'>;

const newLine = (taxes: LineValues['taxes'] = []): LineValues => ({
  key: crypto.randomUUID(),
  description: '',
  sku: '',
  quantity: '1',
  unit: '',
  unitPrice: '',
  discount: '',
  // A new line carries the taxes of the line before it (IVA 16 % on every line, usually).
  taxes: taxes.map((tax) => ({ ...tax, key: crypto.randomUUID() })),
});
const newFee = (): FeeValues => ({ key: crypto.randomUUID(), name: '', amount: '' });

interface Values {
  customerId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  poNumber: string;
  notes: string;
  lines: LineValues[];
  fees: FeeValues[];
}

function useNextInvoiceNumber() {
  return useQuery({
    queryKey: queryKeys.invoices.nextNumber,
    queryFn: () =>
      apiRequest<ResponseOf<'getConsoleInvoicesNextNumber'>>('GET', '/api/v1/console/invoices/next-number'),
    staleTime: 0,
  });
}

/** The server computes the totals by the rule it will apply on save (POST /console/invoices/preview). */
function useInvoicePreview(body: InvoicePreviewBody | null) {
  return useQuery({
    queryKey: queryKeys.invoices.preview(body ?? {}),
    queryFn: () => apiRequest<InvoicePreview>('POST', '/api/v1/console/invoices/preview', body),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

function useCreateInvoice() {
  const invalidate = useInvalidate('invoice');
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewInvoiceBody; idempotencyKey: string }) =>
      apiRequest<InvoiceDetail>('POST', '/api/v1/console/invoices', body, {
        'Idempotency-Key': idempotencyKey,
      }),
    onSuccess: invalidate,
  });
}

/** Invoices → New invoice (or a customer's page → New invoice, the customer chosen). */
export function NewInvoicePage() {
  const { t } = useTranslation(['consoleInvoices', 'invoices', 'payments', 'common', 'payNow']);
  const format = useFormatters();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle(t('new.title'));
  // One key per form: a double submit, or a retry after a lost answer, creates one invoice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateInvoice();
  // "Create and send pay-now e-mail": which submit was pressed, and the e-mail's own key.
  const sendAfter = useRef(false);
  const [sendKey] = useState(() => crypto.randomUUID());
  const sendPayNow = useSendPayNow();
  const next = useNextInvoiceNumber();
  const [formError, setFormError] = useState<unknown>(null);

  // An amount typed in the customer's currency (a discount may be empty; a fee may not).
  const amountProblem = (text: string, required: boolean) => {
    if (!text.trim()) return required ? t('common:validation.required') : null;
    if (!currency) return null;
    const parsed = parseMoneyInput(text, currency, format.locale);
    if (parsed.ok) return null;
    return parsed.reason === 'tooManyDecimals'
      ? t('invoices:amount.tooManyDecimals', { currency, digits: currencyExponent(currency) })
      : t(`invoices:amount.${parsed.reason}`);
  };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      customerId: params.get('customerId') ?? '',
      number: '',
      issueDate: todayIso(),
      dueDate: '',
      poNumber: '',
      notes: '',
      lines: [newLine()],
      fees: [],
    },
    validate: {
      customerId: (v) => (v ? null : t('common:validation.required')),
      number: (v) => (v.trim() ? null : t('common:validation.required')),
      issueDate: (v) => (v ? null : t('common:validation.required')),
      dueDate: (v, values) => (v && v < values.issueDate ? t('new.dueBeforeIssue') : null),
      lines: {
        description: (v) => (v.trim() ? null : t('common:validation.required')),
        quantity: (v) =>
          decimalText(v) !== null && Number(decimalText(v)) > 0 ? null : t('new.badQuantity'),
        unitPrice: (v) => (decimalText(v) !== null ? null : t('new.badPrice')),
        discount: (v) => amountProblem(v, false),
        taxes: {
          name: (v, values, path) => {
            const [, line, , tax] = path.split('.');
            const rate = values.lines[Number(line)]?.taxes[Number(tax)]?.rate ?? '';
            return !v.trim() && rate.trim() ? t('common:validation.required') : null;
          },
          rate: (v) => (rateText(v) !== null ? null : t('new.badRate')),
        },
      },
      fees: {
        name: (v) => (v.trim() ? null : t('common:validation.required')),
        amount: (v) => amountProblem(v, true),
      },
    },
  });
  const values = form.getValues();
  const customer = useCustomer(values.customerId || null);
  const currency = customer.data?.currency ?? null;

  useEffect(() => {
    if (next.data?.number && !form.getValues().number) form.setFieldValue('number', next.data.number);
  }, [next.data, form.setFieldValue, form.getValues]);

  // Live totals: what is complete so far, asked of the server a moment after typing stops.
  const [debounced] = useDebouncedValue({ lines: values.lines, fees: values.fees }, 300);
  const preview = useMemo(
    () => (currency ? previewBody(debounced.lines, debounced.fees, currency, format.locale) : null),
    [debounced, currency, format.locale],
  );
  const totals = useInvoicePreview(preview?.body ?? null);
  const lineNet = (index: number) => {
    const at = preview?.lineIndexes.indexOf(index) ?? -1;
    return at >= 0 ? totals.data?.lines[at] : undefined;
  };

  const terms = customer.data?.paymentTermsDays;
  const termsDue = terms !== undefined ? dueFromTerms(values.issueDate, terms) : null;

  const submit = form.onSubmit((input) => {
    setFormError(null);
    if (!currency) return;
    const lines = input.lines.map((line) => lineBody(line, currency, format.locale));
    if (lines.some((line) => line === null)) return;
    const feeIndexes: number[] = [];
    const charges = input.fees.flatMap((fee, i) => {
      const charge = feeBody(fee, currency, format.locale);
      if (charge === null || charge === 'empty') return [];
      feeIndexes.push(i);
      return [charge];
    });
    create.mutate(
      {
        idempotencyKey,
        body: {
          customerId: input.customerId,
          number: input.number.trim(),
          issueDate: input.issueDate,
          ...(input.dueDate ? { dueDate: input.dueDate } : {}),
          currency,
          poNumber: input.poNumber.trim() || null,
          notes: input.notes.trim() || null,
          lines: lines as NewInvoiceBody['lines'],
          charges,
        },
      },
      {
        onSuccess: (invoice) => {
          notifications.show({
            color: 'teal',
            title: t('new.doneTitle'),
            message: t('new.doneText', {
              number: invoice.number,
              amount: format.money(invoice.total, invoice.currency),
            }),
          });
          const opened = () => void navigate(`/console/invoices/${invoice.id}`, { replace: true });
          if (!sendAfter.current) return opened();
          sendPayNow.mutate(
            { body: { invoiceIds: [invoice.id] }, idempotencyKey: sendKey },
            {
              onSuccess: (sent) => {
                notifications.show({
                  color: 'teal',
                  title: t('payNow:dialog.sentTitle'),
                  message: t('payNow:dialog.sentText', {
                    count: sent.recipients.length,
                    recipients: sent.recipients.join(', '),
                  }),
                });
                opened();
              },
              onError: (error) => {
                notifications.show({
                  color: 'red',
                  title: t('payNow:dialog.sendFailed'),
                  message: error instanceof Error ? error.message : String(error),
                });
                opened();
              },
            },
          );
        },
        onError: (error) => {
          const placed = placeProblem(form, error, {
            rename: (path) => {
              const fee = /^charges\.(\d+)\.(.+)$/.exec(path);
              if (fee)
                return `fees.${feeIndexes[Number(fee[1])] ?? 0}.${fee[2] === 'name' ? 'name' : 'amount'}`;
              return formPathOf(path);
            },
            byCode: { duplicate_number: 'number', due_before_issue: 'dueDate', not_found: 'customerId' },
          });
          setFormError(placed ? null : error);
        },
      },
    );
  });

  return (
    <>
      <BackLink to="/console/invoices">{t('detail.back')}</BackLink>
      <PageHeader title={t('new.title')} description={t('new.intro')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={1040}>
          {formError != null && <ProblemAlert error={formError} />}
          <Paper withBorder p="lg">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 8 }}>
                <CustomerSelect
                  label={t('payments:fields.customer')}
                  value={values.customerId || null}
                  onChange={(id) => form.setFieldValue('customerId', id ?? '')}
                  error={form.errors.customerId}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput
                  label={t('new.number')}
                  required
                  description={next.data?.number ? t('new.numberSuggested') : t('new.numberHelp')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  {...form.getInputProps('number')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <DayInput label={t('new.issueDate')} required {...form.getInputProps('issueDate')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <DayInput
                  label={t('new.dueDate')}
                  clearable
                  placeholder={termsDue ? format.day(termsDue) : undefined}
                  description={
                    terms === undefined
                      ? t('new.dueHelp')
                      : values.dueDate
                        ? t('new.dueOverridden', { days: terms })
                        : t('new.dueFromTerms', { days: terms, date: termsDue ? format.day(termsDue) : '—' })
                  }
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  {...form.getInputProps('dueDate')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 2 }}>
                <TextInput
                  label={t('invoices:fields.currency')}
                  value={currency ?? ''}
                  readOnly
                  description={currency ? t('new.currencyOfCustomer') : undefined}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <TextInput label={t('new.poNumber')} maxLength={100} {...form.getInputProps('poNumber')} />
              </Grid.Col>
            </Grid>
          </Paper>

          <Paper withBorder p="lg">
            <Title order={2} fz="md" mb="md">
              {t('new.lines')}
            </Title>
            <Stack gap="md">
              {values.lines.map((line, index) => {
                const computed = lineNet(index);
                return (
                  <Paper key={line.key} withBorder p="md" bg="gray.0" data-testid="invoice-line">
                    <Group justify="space-between" mb="xs" gap="sm">
                      <Text fw={600} size="sm">
                        {t('new.lineN', { n: index + 1 })}
                      </Text>
                      <Group gap="sm">
                        {computed && currency && (
                          <Text size="sm" data-amount>
                            {t('new.lineTotal', { amount: format.money(computed.totalAmount, currency) })}
                          </Text>
                        )}
                        {values.lines.length > 1 && (
                          <Tooltip label={t('new.removeLine')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('new.removeLineN', { n: index + 1 })}
                              onClick={() => form.removeListItem('lines', index)}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Group>
                    <Grid gap="sm">
                      <Grid.Col span={{ base: 12, md: 6 }}>
                        <TextInput
                          label={t('new.description')}
                          required
                          {...form.getInputProps(`lines.${index}.description`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 6, md: 3 }}>
                        <TextInput label={t('new.sku')} {...form.getInputProps(`lines.${index}.sku`)} />
                      </Grid.Col>
                      <Grid.Col span={{ base: 6, md: 3 }}>
                        <TextInput
                          label={t('new.unit')}
                          placeholder={t('new.unitPlaceholder')}
                          {...form.getInputProps(`lines.${index}.unit`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 6, md: 3 }}>
                        <TextInput
                          label={t('new.quantity')}
                          required
                          inputMode="decimal"
                          {...form.getInputProps(`lines.${index}.quantity`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 6, md: 3 }}>
                        <TextInput
                          label={t('new.unitPrice')}
                          required
                          inputMode="decimal"
                          autoComplete="off"
                          {...form.getInputProps(`lines.${index}.unitPrice`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 6, md: 3 }}>
                        <TextInput
                          label={t('new.discount')}
                          inputMode="decimal"
                          autoComplete="off"
                          {...form.getInputProps(`lines.${index}.discount`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 6, md: 3 }}>
                        <Stack gap={4}>
                          <Text size="sm" fw={500}>
                            {t('new.net')}
                          </Text>
                          <Text size="sm" pt={6} data-amount={computed ? '' : undefined}>
                            {computed && currency ? format.money(computed.netAmount, currency) : '—'}
                          </Text>
                        </Stack>
                      </Grid.Col>
                    </Grid>
                    {line.taxes.map((tax, taxIndex) => (
                      <Group key={tax.key} gap="sm" mt="sm" align="flex-start" wrap="nowrap">
                        <TextInput
                          label={t('new.taxName')}
                          placeholder="IVA"
                          flex={1}
                          miw={0}
                          {...form.getInputProps(`lines.${index}.taxes.${taxIndex}.name`)}
                        />
                        <TextInput
                          label={t('new.taxRate')}
                          placeholder="16"
                          inputMode="decimal"
                          w={110}
                          rightSection={
                            <Text size="sm" c="dimmed">
                              %
                            </Text>
                          }
                          {...form.getInputProps(`lines.${index}.taxes.${taxIndex}.rate`)}
                        />
                        <Text
                          size="sm"
                          mt={30}
                          w={110}
                          ta="right"
                          data-amount={computed?.taxes[taxIndex] ? '' : undefined}
                        >
                          {computed?.taxes[taxIndex] && currency
                            ? format.money(computed.taxes[taxIndex].amount, currency)
                            : ''}
                        </Text>
                        <ActionIcon
                          mt={28}
                          variant="subtle"
                          color="gray"
                          aria-label={t('new.removeTaxN', { n: taxIndex + 1, line: index + 1 })}
                          onClick={() => form.removeListItem(`lines.${index}.taxes`, taxIndex)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    ))}
                    <Button
                      mt="sm"
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() =>
                        form.insertListItem(`lines.${index}.taxes`, {
                          key: crypto.randomUUID(),
                          name: '',
                          rate: '',
                        })
                      }
                    >
                      {t('new.addTax')}
                    </Button>
                  </Paper>
                );
              })}
            </Stack>
            <Button
              mt="md"
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                const lines = form.getValues().lines;
                form.insertListItem('lines', newLine(lines[lines.length - 1]?.taxes));
              }}
            >
              {t('new.addLine')}
            </Button>
          </Paper>

          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Paper withBorder p="lg" h="100%">
                <Title order={2} fz="md" mb="xs">
                  {t('new.fees')}
                </Title>
                <Text size="sm" c="dimmed" mb="md">
                  {t('new.feesHelp')}
                </Text>
                <Stack gap="sm">
                  {values.fees.map((fee, index) => (
                    <Group key={fee.key} gap="sm" align="flex-start" wrap="nowrap">
                      <TextInput
                        label={t('new.feeName')}
                        placeholder={t('new.feePlaceholder')}
                        flex={1}
                        miw={0}
                        {...form.getInputProps(`fees.${index}.name`)}
                      />
                      <TextInput
                        label={t('new.feeAmount')}
                        inputMode="decimal"
                        autoComplete="off"
                        w={140}
                        {...form.getInputProps(`fees.${index}.amount`)}
                      />
                      <ActionIcon
                        mt={28}
                        variant="subtle"
                        color="gray"
                        aria-label={t('new.removeFeeN', { n: index + 1 })}
                        onClick={() => form.removeListItem('fees', index)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  ))}
                </Stack>
                <Button
                  mt="sm"
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => form.insertListItem('fees', newFee())}
                >
                  {t('new.addFee')}
                </Button>
                <Textarea
                  mt="lg"
                  label={t('new.notes')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  {...form.getInputProps('notes')}
                />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Totals preview={totals.data} error={totals.error} currency={currency} stale={!preview} />
            </Grid.Col>
          </Grid>

          {/*
           * "Create and send pay-now e-mail" (issue 10): the second submit creates the invoice under
           * the same Idempotency-Key, then mails the customer's invoice contacts its PDF and a pay
           * link for it (its own key: a retry sends one e-mail).
           */}
          <Group justify="flex-end" gap="sm" wrap="wrap">
            <Button variant="default" onClick={() => void navigate(-1)}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              type="submit"
              variant="default"
              leftSection={<IconMailDollar size={18} aria-hidden />}
              loading={(create.isPending || sendPayNow.isPending) && sendAfter.current}
              disabled={create.isPending && !sendAfter.current}
              onClick={() => {
                sendAfter.current = true;
              }}
            >
              {t('payNow:action.createAndSend')}
            </Button>
            <Button
              type="submit"
              leftSection={<IconFileInvoice size={18} aria-hidden />}
              loading={create.isPending && !sendAfter.current}
              disabled={create.isPending && sendAfter.current}
              onClick={() => {
                sendAfter.current = false;
              }}
            >
              {t('new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** Subtotal, discounts, taxes, fees and total, as the server computed them for what is typed so far. */
function Totals({
  preview,
  error,
  currency,
  stale,
}: {
  preview: InvoicePreview | undefined;
  error: unknown;
  currency: string | null;
  stale: boolean;
}) {
  const { t } = useTranslation(['consoleInvoices']);
  const format = useFormatters();
  const rows: [string, number, boolean?][] = preview
    ? [
        [t('new.subtotal'), preview.subtotal],
        [t('new.discounts'), -preview.discountTotal],
        [t('new.taxes'), preview.taxTotal],
        [t('new.feesTotal'), preview.feeTotal],
      ]
    : [];
  return (
    <Paper withBorder p="lg" h="100%" aria-live="polite">
      <Title order={2} fz="md" mb="md">
        {t('new.totals')}
      </Title>
      {error instanceof ApiError && <ProblemAlert error={error} />}
      {!preview || !currency || stale ? (
        <Text size="sm" c="dimmed">
          {t('new.totalsEmpty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {rows.map(([label, amount]) => (
            <Group key={label} justify="space-between" gap="sm">
              <Text size="sm">{label}</Text>
              <Text size="sm" data-amount>
                {format.money(amount, currency)}
              </Text>
            </Group>
          ))}
          <Divider my={4} />
          <Group justify="space-between" gap="sm">
            <Text fw={700}>{t('new.total')}</Text>
            <Text fw={700} fz="lg" data-amount data-testid="invoice-total">
              {format.money(preview.total, currency)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('new.totalsRule')}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
