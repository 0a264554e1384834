import { Grid, Paper, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconReceiptRefund } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DayInput } from '../../app/date-input';
import { useFormatters } from '../../app/format';
import { rules, useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CustomerSelect } from '../customers/customer-select';
import { useCustomer } from '../customers/customers.api';
import {
  AmountInput,
  FormActions,
  todayIso,
  useAmountField,
  useCustomerCurrencies,
  useShowCreated,
} from '../invoices/document-form';
import { useInvoices } from '../invoices/invoices.api';
import { useCreateCredit } from './credits.api';

export function NewCreditPage() {
  const { t } = useTranslation(['credits', 'payments', 'invoices', 'common']);
  const format = useFormatters();
  const [params] = useSearchParams();
  const showCreated = useShowCreated();
  usePageTitle(t('new.title'));
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateCredit();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      customerId: params.get('customerId') ?? '',
      invoiceId: params.get('invoiceId') ?? '',
      amount: '',
      currency: '',
      issueDate: todayIso(),
      reason: '',
    },
    validate: {
      customerId: rules.required,
      amount: rules.required,
      issueDate: rules.required,
      reason: rules.required,
    },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);
  const values = form.getValues();
  const customer = useCustomer(values.customerId || null);
  const invoices = useInvoices(
    'console',
    { customerId: values.customerId || undefined, status: 'open', sort: '-issueDate', pageSize: 100 },
    { enabled: Boolean(values.customerId) },
  );
  const invoice = invoices.data?.items.find((item) => item.id === values.invoiceId);

  useEffect(() => {
    if (customer.data && !form.getValues().currency) form.setFieldValue('currency', customer.data.currency);
  }, [customer.data, form.setFieldValue, form.getValues]);
  useEffect(() => {
    if (invoice) form.setFieldValue('currency', invoice.currency);
  }, [invoice, form.setFieldValue]);

  const currencies = useCustomerCurrencies(customer.data);
  const currency = values.currency || null;
  const amount = useAmountField(values.amount, currency);

  const submit = form.onSubmit((input) => {
    clearFormError();
    if (amount.minor === null || !currency) return;
    create.mutate(
      {
        idempotencyKey,
        body: {
          customerId: input.customerId,
          amount: Number(amount.minor),
          currency,
          issueDate: input.issueDate,
          reason: input.reason.trim(),
          invoiceId: input.invoiceId || undefined,
        },
      },
      {
        onSuccess: (credit) =>
          showCreated(credit, {
            title: t('new.doneTitle'),
            text: (values) => t('new.doneText', values),
            to: `/console/credits/${credit.id}`,
          }),
        onError: handleError,
      },
    );
  });

  return (
    <>
      <BackLink to="/console/credits">{t('detail.back')}</BackLink>
      <PageHeader title={t('new.title')} description={t('new.description')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={820}>
          {formError && <ProblemAlert error={formError} />}
          <Paper withBorder p="lg">
            <Grid gap="md">
              <Grid.Col span={12}>
                <CustomerSelect
                  label={t('payments:fields.customer')}
                  value={values.customerId || null}
                  onChange={(id) => {
                    form.setFieldValue('customerId', id ?? '');
                    form.setFieldValue('invoiceId', '');
                    form.setFieldValue('currency', '');
                  }}
                  error={form.errors.customerId}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Select
                  label={t('fields.invoice')}
                  description={t('new.invoiceHelp')}
                  placeholder={t('new.invoiceNone')}
                  clearable
                  searchable
                  disabled={!values.customerId}
                  data={(invoices.data?.items ?? []).map((item) => ({
                    value: item.id,
                    label: `${item.number} · ${format.money(item.openAmount, item.currency)} · ${format.day(item.dueDate)}`,
                  }))}
                  {...form.getInputProps('invoiceId')}
                  onChange={(value) => form.setFieldValue('invoiceId', value ?? '')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 5 }}>
                <AmountInput
                  label={t('fields.amount')}
                  inputProps={form.getInputProps('amount')}
                  error={form.errors.amount ?? amount.error}
                  description={
                    amount.hint ? t('payments:record.parsedAs', { amount: amount.hint }) : undefined
                  }
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <Select
                  label={t('invoices:fields.currency')}
                  data={currencies}
                  disabled={currencies.length <= 1 || Boolean(invoice)}
                  allowDeselect={false}
                  {...form.getInputProps('currency')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DayInput label={t('fields.issueDate')} required {...form.getInputProps('issueDate')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea
                  label={t('fields.reason')}
                  placeholder={t('new.reasonPlaceholder')}
                  required
                  autosize
                  minRows={2}
                  maxLength={500}
                  {...form.getInputProps('reason')}
                />
              </Grid.Col>
            </Grid>
          </Paper>
          <FormActions icon={<IconReceiptRefund size={18} aria-hidden />} loading={create.isPending}>
            {t('new.submit')}
          </FormActions>
        </Stack>
      </form>
    </>
  );
}
