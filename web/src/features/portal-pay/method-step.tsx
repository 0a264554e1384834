import { Alert, Anchor, Button, Checkbox, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { MethodIcon, methodDetail, methodText } from './method-label';
import type { MethodChoice } from './pay-logic';
import type { PaymentKind, PaymentOptions } from './portal-pay.api';
import classes from './portal-pay.module.css';
import { StepTitle } from './step-title';

export interface MethodStepProps {
  headingRef: Ref<HTMLHeadingElement>;
  options: PaymentOptions;
  currency: string;
  choice: MethodChoice | null;
  /** The method just entered on the processor's page, if any. */
  entered: Extract<MethodChoice, { type: 'new' }> | null;
  /** A new kind picked, to be entered on the processor's page on "Continue". */
  pendingNew: PaymentKind | null;
  onPickSaved: (id: string) => void;
  onPickNew: (kind: PaymentKind) => void;
  onPickEntered: () => void;
  saveMethod: boolean;
  onSaveMethod: (save: boolean) => void;
  cancelled: boolean;
  entering: boolean;
  entryError: unknown;
  showErrors: boolean;
  onContinue: () => void;
  onBack: () => void;
  /** Where the saved methods are managed ("Manage payment methods"); null hides the link. */
  manageMethodsTo?: string | null;
}

/** Step 2: a saved method, the one just entered, or a new card or bank account (only the accepted kinds). */
export function MethodStep({
  headingRef,
  options,
  currency,
  choice,
  entered,
  pendingNew,
  onPickSaved,
  onPickNew,
  onPickEntered,
  saveMethod,
  onSaveMethod,
  cancelled,
  entering,
  entryError,
  showErrors,
  onContinue,
  onBack,
  manageMethodsTo = '/portal/payment-methods',
}: MethodStepProps) {
  const { t } = useTranslation(['portalPay', 'common']);
  const format = useFormatters();
  const saved = options.savedMethods.filter((method) => options.methods.includes(method.kind));
  const processor =
    options.processor === 'stripe' ? t('method.processorStripe') : t('method.processorSandbox');
  const value = pendingNew
    ? `new:${pendingNew}`
    : choice?.type === 'saved'
      ? `saved:${choice.id}`
      : choice?.type === 'new'
        ? 'entered'
        : null;
  const onChange = (next: string) => {
    if (next === 'entered') onPickEntered();
    else if (next.startsWith('saved:')) onPickSaved(next.slice('saved:'.length));
    else if (next === 'new:card' || next === 'new:ach') onPickNew(next.slice('new:'.length) as PaymentKind);
  };

  const fee = options.cardFee;
  const percent = fee
    ? new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 2 }).format(
        fee.percentBps / 10_000,
      )
    : '';

  return (
    <Stack gap="md">
      <StepTitle ref={headingRef}>{t('method.title')}</StepTitle>
      {cancelled && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
          {t('page.methodCancelled')}
        </Alert>
      )}
      {entryError !== null && <ProblemAlert error={entryError} />}
      <Radio.Group
        value={value}
        onChange={onChange}
        label={t('method.radioLabel')}
        labelProps={{ className: classes.srOnly }}
      >
        <Stack gap="lg">
          {(entered || saved.length > 0) && (
            <Stack gap="xs">
              <Group justify="space-between" gap="sm">
                <Text size="sm" fw={600}>
                  {t('method.saved')}
                </Text>
                {saved.length > 0 && manageMethodsTo && (
                  <Anchor component={Link} to={manageMethodsTo} size="sm">
                    {t('actions.manageMethods')}
                  </Anchor>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {entered && (
                  <MethodCard
                    value="entered"
                    checked={value === 'entered'}
                    kind={entered.kind}
                    title={entered.kind === 'ach' ? t('method.enteredAch') : t('method.enteredCard')}
                    detail={t('method.enteredHelp')}
                  />
                )}
                {saved.map((method) => (
                  <MethodCard
                    key={method.id}
                    value={`saved:${method.id}`}
                    checked={value === `saved:${method.id}`}
                    kind={method.kind}
                    title={methodText(t, method)}
                    detail={methodDetail(t, method)}
                  />
                ))}
              </SimpleGrid>
              {entered && value === 'entered' && (
                <Checkbox
                  label={t('method.saveMethod')}
                  checked={saveMethod}
                  onChange={(event) => onSaveMethod(event.currentTarget.checked)}
                />
              )}
            </Stack>
          )}
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('method.new')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {options.methods.includes('card') && (
                <MethodCard
                  value="new:card"
                  checked={value === 'new:card'}
                  kind="card"
                  icon={<IconPlus size={18} aria-hidden />}
                  title={t('method.newCard')}
                  detail={t('method.newCardHelp', { processor })}
                />
              )}
              {options.methods.includes('ach') && (
                <MethodCard
                  value="new:ach"
                  checked={value === 'new:ach'}
                  kind="ach"
                  icon={<IconPlus size={18} aria-hidden />}
                  title={t('method.newAch')}
                  detail={t('method.newAchHelp', { processor })}
                />
              )}
            </SimpleGrid>
          </Stack>
        </Stack>
      </Radio.Group>
      {fee && options.methods.includes('card') && (
        <Text size="sm" c="dimmed">
          {fee.cap === null
            ? t('method.cardFee', { percent })
            : t('method.cardFeeCapped', { percent, cap: format.money(fee.cap, currency) })}
        </Text>
      )}
      <Group justify="space-between" gap="sm">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t('method.back')}
        </Button>
        <Stack gap={4} align="flex-end">
          <Button
            rightSection={<IconArrowRight size={16} aria-hidden />}
            onClick={onContinue}
            loading={entering}
          >
            {pendingNew ? t('method.continueEntry') : t('method.continue')}
          </Button>
          {showErrors && !value && (
            <Text size="xs" c="red.7" role="alert">
              {t('method.choose')}
            </Text>
          )}
        </Stack>
      </Group>
    </Stack>
  );
}

function MethodCard({
  value,
  checked,
  kind,
  icon,
  title,
  detail,
}: {
  value: string;
  checked: boolean;
  kind: string;
  icon?: ReactNode;
  title: string;
  detail: string;
}) {
  return (
    <Radio.Card value={value} checked={checked} className={classes.methodCard} radius="md">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <Stack gap={2} miw={0} flex={1}>
          <Group gap={6} wrap="nowrap">
            {icon ?? <MethodIcon kind={kind} />}
            <Text size="sm" fw={600}>
              {title}
            </Text>
          </Group>
          {detail && (
            <Text size="xs" c="dimmed">
              {detail}
            </Text>
          )}
        </Stack>
      </Group>
    </Radio.Card>
  );
}
