import { Grid, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiRequest } from '../../app/api/client';
import { DayInput } from '../../app/date-input';
import { useFormatters } from '../../app/format';
import { rules, useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { queryKeys } from '../../app/query-keys';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CustomerSelect } from '../customers/customer-select';
import { useCustomer } from '../customers/customers.api';
import { RECORDABLE_METHODS } from '../invoices/ar.types';
import {
  AmountInput,
  FormActions,
  todayIso,
  useAmountField,
  useCustomerCurrencies,
  useShowCreated,
} from '../invoices/document-form';
import { AllocationEditor } from './allocation-editor';
import { useAllocation } from './allocations';
import { type RecordPaymentBody, useRecordPayment } from './payments.api';
import classes from './payments.module.css';

/**
 * The seller's calendar date now, in its own time zone: a payment may not be dated after it (the
 * API refuses it too). Until the seller's profile has loaded, the browser's date stands in.
 */
function useSellerToday(): string {
  const organization = useQuery({
    queryKey: queryKeys.organization,
    queryFn: () => apiRequest<{ timeZone: string }>('GET', '/api/v1/console/organization'),
    staleTime: 5 * 60_000,
  });
  const timeZone = organization.data?.timeZone;
  return timeZone ? new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()) : todayIso();
}

export function RecordPaymentPage() {
  const { t } = useTranslation(['payments', 'invoices', 'common']);
  const format = useFormatters();
  const [params] = useSearchParams();
  const showCreated = useShowCreated();
  usePageTitle(t('record.title'));
  // One key per form: however often it is submitted, the payment is recorded once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const record = useRecordPayment();
  const today = useSellerToday();

  const form = useForm({
    mode: 'controlled',
    initialValues: {
      customerId: params.get('customerId') ?? '',
      amount: '',
      currency: '',
      receivedOn: todayIso(),
      method: 'bank_transfer',
      reference: '',
    },
    validate: {
      customerId: rules.required,
      amount: rules.required,
      receivedOn: rules.required,
      method: rules.required,
    },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);
  const values = form.getValues();
  const customer = useCustomer(values.customerId || null);

  // The currency follows the chosen customer unless someone picks another of theirs.
  useEffect(() => {
    if (customer.data && !customer.data.balances.some((b) => b.currency === form.getValues().currency))
      form.setFieldValue('currency', customer.data.currency);
  }, [customer.data, form.setFieldValue, form.getValues]);

  // A default taken from the browser's clock may be a day ahead of the seller's.
  useEffect(() => {
    if (form.getValues().receivedOn > today) form.setFieldValue('receivedOn', today);
  }, [today, form.setFieldValue, form.getValues]);

  const currency = values.currency || null;
  // The customer's own currency and those it has a balance in: the same list the API accepts.
  const currencies = useCustomerCurrencies(customer.data);

  const amount = useAmountField(values.amount, currency);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const allocation = useAllocation(values.customerId || null, currency, amount.minor, texts, format.locale);
  const { check } = allocation;

  // Another customer or currency means other invoices: start the allocation afresh.
  const scope = `${values.customerId}|${currency}`;
  const [textsScope, setTextsScope] = useState(scope);
  if (textsScope !== scope) {
    setTextsScope(scope);
    setTexts({});
  }

  const submit = form.onSubmit((input) => {
    clearFormError();
    if (amount.minor === null || !currency || !check.ok) return;
    record.mutate(
      {
        idempotencyKey,
        body: {
          customerId: input.customerId,
          amount: Number(amount.minor),
          currency,
          receivedOn: input.receivedOn,
          method: input.method as RecordPaymentBody['method'],
          reference: input.reference.trim() || undefined,
          allocations: check.allocations.length > 0 ? check.allocations : undefined,
        },
      },
      {
        onSuccess: (payment) =>
          showCreated(payment, {
            title: t('record.doneTitle'),
            text: (values) => t('record.doneText', values),
            to: `/console/payments/${payment.id}`,
          }),
        onError: handleError,
      },
    );
  });

  return (
    <>
      <BackLink to="/console/payments">{t('detail.back')}</BackLink>
      <PageHeader title={t('record.title')} description={t('record.description')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          {formError && <ProblemAlert error={formError} />}
          {customer.data?.holdStatus === 'on_hold' && (
            <Text size="sm" c="red.7">
              {t('record.onHold', { reason: customer.data.holdReason ?? '' })}
            </Text>
          )}
          <Paper withBorder p="lg">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <CustomerSelect
                  label={t('fields.customer')}
                  value={values.customerId || null}
                  onChange={(id) => form.setFieldValue('customerId', id ?? '')}
                  error={form.errors.customerId}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8, md: 4 }}>
                <AmountInput
                  label={t('fields.amount')}
                  inputProps={form.getInputProps('amount')}
                  error={form.errors.amount ?? amount.error}
                  description={
                    amount.hint ? (
                      <span className={classes.parsed}>{t('record.parsedAs', { amount: amount.hint })}</span>
                    ) : (
                      t('record.amountHelp')
                    )
                  }
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
                <Select
                  label={t('fields.currency')}
                  data={currencies}
                  disabled={currencies.length <= 1}
                  allowDeselect={false}
                  {...form.getInputProps('currency')}
                />
              </Grid.Col>
            </Grid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mt="md">
              <DayInput
                label={t('fields.receivedOn')}
                required
                maxDate={today}
                {...form.getInputProps('receivedOn')}
              />
              <Select
                label={t('fields.method')}
                required
                allowDeselect={false}
                data={RECORDABLE_METHODS.map((method) => ({
                  value: method,
                  label: t(`invoices:methods.${method}`),
                }))}
                {...form.getInputProps('method')}
              />
              <TextInput
                label={t('fields.reference')}
                placeholder={t('record.referencePlaceholder')}
                maxLength={120}
                {...form.getInputProps('reference')}
              />
            </SimpleGrid>
          </Paper>

          <AllocationEditor
            customerId={values.customerId || null}
            currency={currency}
            available={amount.minor}
            availableLabel={t('allocation.paymentAmount')}
            remainingLabel={t('allocation.unapplied')}
            texts={texts}
            onTextsChange={setTexts}
            allocation={allocation}
          />

          <FormActions
            icon={<IconCash size={18} aria-hidden />}
            loading={record.isPending}
            disabled={!check.ok || amount.minor === null}
          >
            {amount.minor !== null && currency
              ? t('record.submitAmount', { amount: format.money(amount.minor, currency) })
              : t('record.submit')}
          </FormActions>
        </Stack>
      </form>
    </>
  );
}
