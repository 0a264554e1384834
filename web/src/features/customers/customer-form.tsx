import {
  ActionIcon,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '../../../../src/domain/money/parse-money.ts';
import type { Locale } from '../../app/api/types';
import { currencyExponent, useFormatters } from '../../app/format';
import { minorToInput } from '../../app/money-input';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { FormActions } from '../invoices/document-form';
import { useConsoleTeam } from '../team/team.api';
import {
  type Address,
  CONTACT_MESSAGES,
  type ContactMessage,
  type CustomerChanges,
  type CustomerDetail,
  type NewCustomerBody,
} from './customers.api';
import { placeProblem } from './form-problems';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
type AddressValues = Record<(typeof ADDRESS_FIELDS)[number], string>;

interface ContactValues {
  key: string;
  name: string;
  email: string;
  phone: string;
  role: string;
  locale: string;
  receives: string[];
}

export interface CustomerFormValues {
  name: string;
  accountNumber: string;
  taxId: string;
  paymentTermsDays: number | string;
  creditLimit: string;
  collectorUserId: string;
  locale: string;
  currency: string;
  billing: AddressValues;
  sameAsBilling: boolean;
  shipping: AddressValues;
  contacts: ContactValues[];
}

const emptyAddress = (): AddressValues => ({
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
});

const addressValues = (address: Address | undefined): AddressValues => ({
  ...emptyAddress(),
  ...Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, address?.[f] ?? ''])),
});

/** The address as the API takes it: only what was typed, trimmed; the country in capitals. */
export function addressBody(values: AddressValues): Address {
  const out: Address = {};
  for (const field of ADDRESS_FIELDS) {
    const value = values[field].trim();
    if (value) out[field] = field === 'country' ? value.toUpperCase() : value;
  }
  return out;
}

export const newContact = (locale: string): ContactValues => ({
  key: crypto.randomUUID(),
  name: '',
  email: '',
  phone: '',
  role: '',
  locale,
  receives: [...CONTACT_MESSAGES],
});

/**
 * A credit limit as typed, in minor units of the currency: empty is no limit; 0 is a limit of
 * nothing (every order paid first). The server's own parser, in the interface's locale.
 */
export function parseCreditLimit(
  text: string,
  currency: string,
  locale: string,
): { ok: true; minor: bigint | null } | { ok: false; reason: 'invalid' | 'tooManyDecimals' | 'negative' } {
  if (!text.trim()) return { ok: true, minor: null };
  const parsed = parseMoney(text, currency, { locale });
  if (!parsed.ok)
    return { ok: false, reason: parsed.reason === 'too_precise' ? 'tooManyDecimals' : 'invalid' };
  if (parsed.minor < 0n) return { ok: false, reason: 'negative' };
  return { ok: true, minor: parsed.minor };
}

/** Every ISO 4217 currency the browser knows, named in the interface's language. */
function useCurrencyOptions(locale: string) {
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'currency' });
    return Intl.supportedValuesOf('currency').map((code) => ({
      value: code,
      label: `${code} · ${names.of(code) ?? code}`,
    }));
  }, [locale]);
}

/**
 * The customer's fields, for a new customer (with its contacts) or to edit one (prefilled; only
 * what changed is sent). `defaults` fill a new customer: the seller's currency and language, the
 * suggested account number.
 */
export function CustomerForm({
  customer,
  defaults,
  submitLabel,
  submitIcon,
  pending,
  onCreate,
  onUpdate,
}: {
  customer?: CustomerDetail;
  defaults: { currency: string; locale: Locale; accountNumber: string | null };
  submitLabel: string;
  submitIcon: ReactNode;
  pending: boolean;
  onCreate?: (body: NewCustomerBody, callbacks: { onError: (error: unknown) => void }) => void;
  onUpdate?: (body: CustomerChanges | null, callbacks: { onError: (error: unknown) => void }) => void;
}) {
  const { t } = useTranslation(['customers', 'common', 'invoices']);
  const format = useFormatters();
  const team = useConsoleTeam();
  const currencies = useCurrencyOptions(format.locale);
  const [formError, setFormError] = useState<unknown>(null);
  const editing = Boolean(customer);

  const form = useForm<CustomerFormValues>({
    mode: 'controlled',
    initialValues: {
      name: customer?.name ?? '',
      accountNumber: customer?.accountNumber ?? defaults.accountNumber ?? '',
      taxId: customer?.taxId ?? '',
      paymentTermsDays: customer?.paymentTermsDays ?? 30,
      creditLimit:
        customer?.creditLimit != null
          ? minorToInput(customer.creditLimit, customer.currency, format.locale)
          : '',
      collectorUserId: customer?.collector?.userId ?? '',
      locale: customer?.locale ?? defaults.locale,
      currency: customer?.currency ?? defaults.currency,
      billing: addressValues(customer?.billingAddress),
      sameAsBilling: customer
        ? JSON.stringify(customer.shippingAddress) === JSON.stringify(customer.billingAddress) ||
          Object.keys(customer.shippingAddress).length === 0
        : true,
      shipping: addressValues(customer?.shippingAddress),
      contacts: [],
    },
    validate: {
      name: (v) => (v.trim() ? null : t('common:validation.required')),
      accountNumber: (v) => (v.trim() ? null : t('common:validation.required')),
      paymentTermsDays: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 3650 ? null : t('form.termsRange'),
      creditLimit: (v, values) => {
        const parsed = parseCreditLimit(v, values.currency, format.locale);
        if (parsed.ok) return null;
        return parsed.reason === 'tooManyDecimals'
          ? t('invoices:amount.tooManyDecimals', {
              currency: values.currency,
              digits: currencyExponent(values.currency),
            })
          : parsed.reason === 'negative'
            ? t('form.limitNegative')
            : t('invoices:amount.invalid');
      },
      currency: (v) => (v ? null : t('common:validation.required')),
      billing: {
        country: (v) => (!v.trim() || /^[A-Za-z]{2}$/.test(v.trim()) ? null : t('form.countryCode')),
      },
      shipping: {
        country: (v, values) =>
          values.sameAsBilling || !v.trim() || /^[A-Za-z]{2}$/.test(v.trim()) ? null : t('form.countryCode'),
      },
      contacts: {
        name: (v) => (v.trim() ? null : t('common:validation.required')),
        email: (v) => (!v.trim() || EMAIL.test(v.trim()) ? null : t('common:validation.email')),
      },
    },
  });
  const values = form.getValues();

  // The suggestion arrives after the form: fill it in unless something was typed already.
  useEffect(() => {
    if (!editing && defaults.accountNumber && !form.getValues().accountNumber)
      form.setFieldValue('accountNumber', defaults.accountNumber);
  }, [defaults.accountNumber, editing, form.setFieldValue, form.getValues]);

  const handleError = (error: unknown) => {
    const placed = placeProblem(form, error, {
      rename: (path) =>
        path.replace(/^billingAddress\b/, 'billing').replace(/^shippingAddress\b/, 'shipping'),
      byCode: { duplicate_number: 'accountNumber' },
    });
    setFormError(placed ? null : error);
  };

  const submit = form.onSubmit((input) => {
    setFormError(null);
    const limit = parseCreditLimit(input.creditLimit, input.currency, format.locale);
    if (!limit.ok) return;
    const billingAddress = addressBody(input.billing);
    const fields = {
      name: input.name.trim(),
      accountNumber: input.accountNumber.trim(),
      taxId: input.taxId.trim() || null,
      paymentTermsDays: Number(input.paymentTermsDays),
      creditLimit: limit.minor === null ? null : Number(limit.minor),
      collectorUserId: input.collectorUserId || null,
      locale: input.locale as Locale,
      currency: input.currency,
      billingAddress,
      // "Ships to the billing address": a copy of it; on a customer whose shipping address was
      // never given, it stays empty (the same meaning), so saving changes nothing there.
      shippingAddress: !input.sameAsBilling
        ? addressBody(input.shipping)
        : customer && Object.keys(customer.shippingAddress).length === 0
          ? {}
          : billingAddress,
    };
    if (!customer) {
      onCreate?.(
        {
          ...fields,
          contacts: input.contacts.map((c) => ({
            name: c.name.trim(),
            email: c.email.trim() || null,
            phone: c.phone.trim() || null,
            role: c.role.trim() || null,
            locale: c.locale as Locale,
            receives: c.receives as ContactMessage[],
          })),
        },
        { onError: handleError },
      );
      return;
    }
    // Only what changed goes to the server (and into the audit log).
    const before: Record<keyof typeof fields, unknown> = {
      name: customer.name,
      accountNumber: customer.accountNumber,
      taxId: customer.taxId,
      paymentTermsDays: customer.paymentTermsDays,
      creditLimit: customer.creditLimit,
      collectorUserId: customer.collector?.userId ?? null,
      locale: customer.locale,
      currency: customer.currency,
      billingAddress: customer.billingAddress,
      shippingAddress: customer.shippingAddress,
    };
    const changes = Object.fromEntries(
      Object.entries(fields).filter(
        ([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field as keyof typeof fields]),
      ),
    ) as CustomerChanges;
    onUpdate?.(Object.keys(changes).length ? changes : null, { onError: handleError });
  });

  const currencyLocked = Boolean(customer?.hasDocuments);
  // Under the credit limit: what was read ("MX$50,000.00"), or what an empty or 0 limit means.
  const limit = parseCreditLimit(values.creditLimit, values.currency, format.locale);
  const limitHint = !limit.ok
    ? t('form.limitHelp')
    : limit.minor === null
      ? t('form.limitNone')
      : limit.minor === 0n
        ? t('form.limitZero')
        : t('form.limitReadAs', { amount: format.money(limit.minor, values.currency) });
  const addressInputs = (prefix: 'billing' | 'shipping') => (
    <Grid gap="md">
      <Grid.Col span={12}>
        <TextInput label={t('form.line1')} {...form.getInputProps(`${prefix}.line1`)} />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label={t('form.line2')} {...form.getInputProps(`${prefix}.line2`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('form.city')} {...form.getInputProps(`${prefix}.city`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('form.region')} {...form.getInputProps(`${prefix}.region`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 6 }}>
        <TextInput label={t('form.postalCode')} {...form.getInputProps(`${prefix}.postalCode`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 6 }}>
        <TextInput
          label={t('form.country')}
          description={t('form.countryHelp')}
          maxLength={2}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...form.getInputProps(`${prefix}.country`)}
        />
      </Grid.Col>
    </Grid>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={920}>
        {formError != null && <ProblemAlert error={formError} />}
        <Paper withBorder p="lg">
          <Title order={2} fz="md" mb="md">
            {t('form.account')}
          </Title>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('form.legalName')} required {...form.getInputProps('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('form.accountNumber')}
                required
                description={
                  !editing && defaults.accountNumber ? t('form.accountNumberSuggested') : undefined
                }
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                {...form.getInputProps('accountNumber')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('form.taxId')} {...form.getInputProps('taxId')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('fields.currency')}
                required
                searchable
                allowDeselect={false}
                data={currencies}
                disabled={currencyLocked}
                description={
                  currencyLocked ? t('form.currencyLocked', { currency: customer?.currency }) : undefined
                }
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                {...form.getInputProps('currency')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('fields.language')}
                description={t('form.languageHelp')}
                allowDeselect={false}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                data={[
                  { value: 'es', label: t('common:language.es') },
                  { value: 'en', label: t('common:language.en') },
                ]}
                {...form.getInputProps('locale')}
              />
            </Grid.Col>
          </Grid>
        </Paper>

        <Paper withBorder p="lg">
          <Title order={2} fz="md" mb="md">
            {t('form.credit')}
          </Title>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label={t('fields.terms')}
                description={t('form.termsHelp')}
                min={0}
                max={3650}
                allowDecimal={false}
                allowNegative={false}
                suffix={` ${t('form.daysSuffix')}`}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                {...form.getInputProps('paymentTermsDays')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('fields.creditLimit')}
                inputMode="decimal"
                autoComplete="off"
                description={limitHint}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                rightSection={
                  <Text size="xs" c="dimmed">
                    {values.currency}
                  </Text>
                }
                rightSectionWidth={48}
                {...form.getInputProps('creditLimit')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('fields.collector')}
                placeholder={t('fields.noCollector')}
                clearable
                data={(team.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))}
                {...form.getInputProps('collectorUserId')}
                value={values.collectorUserId || null}
                onChange={(value) => form.setFieldValue('collectorUserId', value ?? '')}
              />
            </Grid.Col>
          </Grid>
        </Paper>

        <Paper withBorder p="lg">
          <Title order={2} fz="md" mb="md">
            {t('form.billingAddress')}
          </Title>
          {addressInputs('billing')}
          <Checkbox
            mt="lg"
            label={t('form.sameAsBilling')}
            {...form.getInputProps('sameAsBilling', { type: 'checkbox' })}
          />
          {!values.sameAsBilling && (
            <Stack gap="md" mt="lg">
              <Title order={2} fz="md">
                {t('form.shippingAddress')}
              </Title>
              {addressInputs('shipping')}
            </Stack>
          )}
        </Paper>

        {!editing && (
          <Paper withBorder p="lg">
            <Group justify="space-between" mb="md" gap="sm">
              <Title order={2} fz="md">
                {t('contacts.title')}
              </Title>
              <Button
                variant="default"
                size="compact-sm"
                leftSection={<IconUserPlus size={14} aria-hidden />}
                onClick={() => form.insertListItem('contacts', newContact(form.getValues().locale))}
              >
                {t('contacts.add')}
              </Button>
            </Group>
            {values.contacts.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('form.contactsEmpty')}
              </Text>
            )}
            <Stack gap="md">
              {values.contacts.map((contact, index) => (
                <Paper key={contact.key} withBorder p="md" bg="gray.0">
                  <Group justify="space-between" mb="xs" gap="sm">
                    <Text fw={600} size="sm">
                      {contact.name.trim() || t('form.contactN', { n: index + 1 })}
                    </Text>
                    <Tooltip label={t('form.removeContact')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('form.removeContactN', { n: index + 1 })}
                        onClick={() => form.removeListItem('contacts', index)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                  <Grid gap="md">
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TextInput
                        label={t('contacts.name')}
                        required
                        {...form.getInputProps(`contacts.${index}.name`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TextInput
                        label={t('contacts.role')}
                        placeholder={t('contacts.rolePlaceholder')}
                        {...form.getInputProps(`contacts.${index}.role`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 6 }}>
                      <TextInput
                        label={t('contacts.email')}
                        type="email"
                        {...form.getInputProps(`contacts.${index}.email`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 3 }}>
                      <TextInput
                        label={t('contacts.phone')}
                        type="tel"
                        {...form.getInputProps(`contacts.${index}.phone`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 3 }}>
                      <Select
                        label={t('contacts.locale')}
                        allowDeselect={false}
                        data={[
                          { value: 'es', label: t('common:language.es') },
                          { value: 'en', label: t('common:language.en') },
                        ]}
                        {...form.getInputProps(`contacts.${index}.locale`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={12}>
                      <Checkbox.Group
                        label={t('contacts.receives')}
                        {...form.getInputProps(`contacts.${index}.receives`)}
                      >
                        <Group gap="lg" mt="xs">
                          {CONTACT_MESSAGES.map((message) => (
                            <Checkbox
                              key={message}
                              value={message}
                              label={t(`contacts.messages.${message}`)}
                            />
                          ))}
                        </Group>
                      </Checkbox.Group>
                    </Grid.Col>
                  </Grid>
                </Paper>
              ))}
            </Stack>
            {values.contacts.length > 0 && (
              <Button
                mt="md"
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => form.insertListItem('contacts', newContact(form.getValues().locale))}
              >
                {t('form.anotherContact')}
              </Button>
            )}
          </Paper>
        )}
        {editing && (
          <Text size="sm" c="dimmed">
            {t('form.contactsElsewhere')}
          </Text>
        )}

        <FormActions icon={submitIcon} loading={pending}>
          {submitLabel}
        </FormActions>
      </Stack>
    </form>
  );
}
