import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  CopyButton,
  Group,
  PasswordInput,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currencyExponent, useFormatters } from '../../app/format';
import { useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { AutopaySettingsCard } from '../autopay/autopay-settings-card';
import { CreditCheckSettingsCard } from '../pay-link/credit-check-settings-card';
import { PayNowSettingsCard } from '../pay-now/pay-now-settings-card';
import {
  type SavedPaymentSettings,
  useOrganization,
  usePaymentSettings,
  useSavePaymentSettings,
  withFormFields,
} from './payment-settings.api';
import {
  type FieldError,
  formFromSettings,
  MAX_AUTOPAY_TEXT_LENGTH,
  MAX_ERP_ACCOUNT_LENGTH,
  METHOD_KINDS,
  type PaymentSettingsForm,
  paymentSettingsBody,
  webhookUrlFor,
} from './payment-settings.form';

const SANDBOX_HELP = '/help/sandbox-test-payments';
/** Side by side, inputs stay level when only one of the two descriptions wraps. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** Owners and admins: how the seller's customers pay online, and through which processor. */
export function PaymentSettingsPage() {
  const { t } = useTranslation(['settings', 'common']);
  const settings = usePaymentSettings();
  const organization = useOrganization();
  usePageTitle(t('payments.title'));
  const failed = settings.isError ? settings : organization.isError ? organization : null;

  return (
    <>
      <PageHeader title={t('payments.title')} description={t('payments.description')} />
      {settings.data && organization.data ? (
        <Stack gap="lg" maw={820}>
          <PaymentSettingsFormView saved={settings.data} currency={organization.data.defaultCurrency} />
          {/* Orders over the credit limit: saved on their own (the page is for owners and admins). */}
          <CreditCheckSettingsCard canWrite />
          <PayNowSettingsCard canWrite />
          <AutopaySettingsCard />
        </Stack>
      ) : failed ? (
        <ProblemAlert error={failed.error} onRetry={() => void failed.refetch()} />
      ) : (
        <Stack gap="lg" maw={820}>
          <Skeleton height={120} />
          <Skeleton height={260} />
          <Skeleton height={220} />
        </Stack>
      )}
    </>
  );
}

function PaymentSettingsFormView({ saved, currency }: { saved: SavedPaymentSettings; currency: string }) {
  const { t } = useTranslation(['settings', 'common']);
  const format = useFormatters();
  const save = useSavePaymentSettings();
  const options = { currency, locale: format.locale, hasStripeKeys: saved.stripe !== null };
  const message = (code: FieldError) =>
    code === 'tooManyDecimals'
      ? t('payments.errors.tooManyDecimals', { currency, digits: currencyExponent(currency) })
      : t(`payments.errors.${code}`);
  const form = useForm<PaymentSettingsForm>({
    mode: 'controlled',
    initialValues: formFromSettings(saved, currency, format.locale),
    validate: (values) => {
      const built = paymentSettingsBody(values, options);
      if (built.ok) return {};
      return Object.fromEntries(
        Object.entries(built.errors).map(([field, code]) => [field, message(code as FieldError)]),
      );
    },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);
  const values = form.getValues();
  const stripe = values.processor === 'stripe';

  const submit = form.onSubmit((submitted) => {
    const built = paymentSettingsBody(submitted, options);
    if (!built.ok) return;
    clearFormError();
    save.mutate(built.body, {
      onSuccess: (result) => {
        // What the server answered, with the secret inputs empty again: nothing typed is kept.
        const next = formFromSettings(result, currency, format.locale);
        form.setInitialValues(next);
        form.setValues(next);
        save.reset();
        notifications.show({ color: 'teal', message: t('payments.saved') });
      },
      onError: (error) => handleError(withFormFields(error)),
    });
  });

  const amountProps = (field: 'partialMinimum' | 'cardFeeCap') => ({
    inputMode: 'decimal' as const,
    autoComplete: 'off',
    rightSection: (
      <Text size="xs" c="dimmed">
        {currency}
      </Text>
    ),
    rightSectionWidth: 48,
    ...form.getInputProps(field),
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={820}>
        {formError && <ProblemAlert error={formError} />}

        <Section title={t('payments.online.title')} padded>
          <Switch
            label={t('payments.online.invoices')}
            description={t('payments.online.invoicesDescription')}
            {...form.getInputProps('onlineInvoices', { type: 'checkbox' })}
          />
        </Section>

        <Section title={t('payments.processor.title')} padded>
          <Radio.Group label={t('payments.processor.label')} {...form.getInputProps('processor')}>
            <Stack gap="sm" mt="xs">
              <Radio
                value="sandbox"
                label={t('payments.processor.sandbox')}
                description={t('payments.processor.sandboxDescription')}
              />
              <Radio
                value="stripe"
                label={t('payments.processor.stripe')}
                description={t('payments.processor.stripeDescription')}
              />
            </Stack>
          </Radio.Group>

          {stripe ? (
            <Stack gap="md">
              <TextInput
                label={t('payments.stripe.publishableKey')}
                placeholder="pk_live_…"
                autoComplete="off"
                spellCheck={false}
                {...form.getInputProps('publishableKey')}
              />
              <PasswordInput
                label={t('payments.stripe.secretKey')}
                description={
                  saved.stripe ? t('payments.stripe.keepHint') : t('payments.stripe.secretKeyDescription')
                }
                placeholder={saved.stripe ? `•••• ${saved.stripe.secretKeyLast4}` : 'sk_live_…'}
                autoComplete="new-password"
                spellCheck={false}
                {...form.getInputProps('secretKey')}
              />
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  {t('payments.stripe.webhookUrl')}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <TextInput
                    readOnly
                    value={webhookUrlFor(saved, 'stripe')}
                    aria-label={t('payments.stripe.webhookUrl')}
                    flex={1}
                    miw={0}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                  />
                  <CopyButton value={webhookUrlFor(saved, 'stripe')} timeout={2000}>
                    {({ copied, copy }) => (
                      <Tooltip
                        label={copied ? t('payments.stripe.copied') : t('payments.stripe.copy')}
                        withArrow
                      >
                        <ActionIcon
                          variant="default"
                          size="lg"
                          onClick={copy}
                          aria-label={t('payments.stripe.copy')}
                        >
                          {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </CopyButton>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('payments.stripe.webhookUrlHint')}
                </Text>
              </Stack>
              <PasswordInput
                label={t('payments.stripe.webhookSecret')}
                description={
                  saved.stripe?.hasWebhookSecret
                    ? t('payments.stripe.keepHint')
                    : t('payments.stripe.webhookSecretDescription')
                }
                placeholder={saved.stripe?.hasWebhookSecret ? '••••••••' : 'whsec_…'}
                autoComplete="new-password"
                spellCheck={false}
                {...form.getInputProps('webhookSecret')}
              />
            </Stack>
          ) : (
            <Alert color="blue" variant="light" icon={<IconFlask size={20} aria-hidden />}>
              <Stack gap={4}>
                <Text size="sm">{t('payments.sandbox.text')}</Text>
                <Anchor component={Link} to={SANDBOX_HELP} size="sm" c="inherit" underline="always" fw={600}>
                  {t('payments.sandbox.help')}
                </Anchor>
              </Stack>
            </Alert>
          )}
        </Section>

        <Section title={t('payments.methods.title')} padded>
          <Checkbox.Group label={t('payments.methods.label')} {...form.getInputProps('methods')}>
            <Stack gap="sm" mt="xs">
              {METHOD_KINDS.map((kind) => (
                <Checkbox
                  key={kind}
                  value={kind}
                  label={t(`payments.methods.${kind}`)}
                  description={t(`payments.methods.${kind}Description`)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('payments.erp.card')}
              maxLength={MAX_ERP_ACCOUNT_LENGTH}
              autoComplete="off"
              {...form.getInputProps('erpCard')}
            />
            <TextInput
              label={t('payments.erp.ach')}
              maxLength={MAX_ERP_ACCOUNT_LENGTH}
              autoComplete="off"
              {...form.getInputProps('erpAch')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('payments.erp.hint')}
          </Text>
        </Section>

        <Section title={t('payments.partial.title')} padded>
          <Switch
            label={t('payments.partial.allowed')}
            description={t('payments.partial.allowedDescription')}
            {...form.getInputProps('partialAllowed', { type: 'checkbox' })}
          />
          {values.partialAllowed && (
            <TextInput
              label={t('payments.partial.minimum')}
              description={t('payments.partial.minimumDescription', { currency })}
              maw={280}
              {...amountProps('partialMinimum')}
            />
          )}
        </Section>

        <Section title={t('payments.fee.title')} padded>
          <Text size="sm" c="dimmed">
            {t('payments.fee.text')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('payments.fee.percent')}
              description={t('payments.fee.percentDescription')}
              inputWrapperOrder={BELOW}
              inputMode="decimal"
              autoComplete="off"
              rightSection={
                <Text size="xs" c="dimmed">
                  %
                </Text>
              }
              {...form.getInputProps('cardFeePercent')}
            />
            <TextInput
              label={t('payments.fee.cap')}
              description={t('payments.fee.capDescription')}
              inputWrapperOrder={BELOW}
              {...amountProps('cardFeeCap')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('payments.autopay.title')} padded>
          <Text size="sm" c="dimmed">
            {t('payments.autopay.text')}
          </Text>
          <Textarea
            label={t('payments.autopay.es')}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={MAX_AUTOPAY_TEXT_LENGTH}
            {...form.getInputProps('autopayEs')}
          />
          <Textarea
            label={t('payments.autopay.en')}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={MAX_AUTOPAY_TEXT_LENGTH}
            {...form.getInputProps('autopayEn')}
          />
        </Section>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
            {t('payments.reset')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('payments.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
