import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconInfoCircle, IconRepeat, IconWallet } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api/client';
import { currencyExponent, useFormatters } from '../../app/format';
import { Facts } from '../../shared/ui/facts';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { MethodIcon, MethodLabel, methodDetail, methodText } from '../portal-pay/method-label';
import payClasses from '../portal-pay/portal-pay.module.css';
import { type AutopayState, type AutopayTarget, type Enrollment, useChangeAutopay } from './autopay.api';
import classes from './autopay.module.css';
import { checkRules, enrollBody, initialForm, type RulesForm } from './autopay-logic';
import { timingText } from './autopay-state';

export interface AutopayFormProps {
  target: AutopayTarget;
  state: AutopayState;
  currency: string;
  /** The enrollment whose rules change; null sets autopay up. */
  enrollment: Enrollment | null;
  onDone: (enrollment: Enrollment) => void;
  onCancel?: () => void;
  /** Staff setting it up on the customer's behalf: the wording, and who is recorded. */
  behalf?: { customer: string; staffName: string };
  /** Reads the state again (the text changed while it was read). */
  refetch: () => unknown;
}

/**
 * Two views: the rules (method, when, which invoices, a maximum), then the review with the exact
 * authorization text in a box and the box to tick. The text sent is the one on the screen: if
 * the seller changed it meanwhile, the server refuses it and the new one is shown to accept.
 */
export function AutopayForm({
  target,
  state,
  currency,
  enrollment,
  onDone,
  onCancel,
  behalf,
  refetch,
}: AutopayFormProps) {
  const { t } = useTranslation('autopay');
  const { t: tPay } = useTranslation('portalPay');
  const format = useFormatters();
  const [form, setForm] = useState<RulesForm>(() => initialForm(enrollment, state.methods, format.locale));
  const [view, setView] = useState<'rules' | 'review'>('rules');
  const [accepted, setAccepted] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [textChanged, setTextChanged] = useState(false);
  const change = useChangeAutopay(target);
  const check = checkRules(form, state.methods, currency, format.locale);
  const update = (next: Partial<RulesForm>) => setForm((current) => ({ ...current, ...next }));

  // The view's heading takes the focus when it changes (a screen reader hears where it is).
  // The form opens on a click (the button it replaces is gone), so its first heading takes it too.
  const headingRef = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs when the view changes, and only then
  useEffect(() => {
    setShowErrors(false);
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [view]);

  const errorText = (error: string | undefined) =>
    showErrors && error
      ? t(`form.errors.${error}` as 'form.errors.maxEmpty', {
          currency,
          digits: currencyExponent(currency),
        })
      : undefined;
  const errors = check.ok ? {} : check.errors;
  const method = state.methods.find((m) => m.id === form.methodId);

  const submit = () => {
    if (!check.ok) return setView('rules');
    if (!accepted) return setShowErrors(true);
    setTextChanged(false);
    change.mutate(
      { action: 'enroll', body: enrollBody(check.rules, state.authorizationText) },
      {
        onSuccess: (answer) => {
          notifications.show({ color: 'teal', message: t(enrollment ? 'done.changed' : 'done.enrolled') });
          onDone(answer);
        },
        onError: (error) => {
          // What was accepted is no longer the seller's text: show the new one, to be accepted anew.
          if (isApiError(error, 'autopay_text_changed')) {
            setAccepted(false);
            setTextChanged(true);
            change.reset();
            void refetch();
          }
        },
      },
    );
  };

  const title = enrollment ? t('form.changeTitle') : t('form.title');

  if (view === 'review' && check.ok && method)
    return (
      <Stack gap="md">
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('form.steps', { step: 2 })}
          </Text>
          <Title order={2} fz="lg" ref={headingRef} tabIndex={-1} className={payClasses.stepTitle}>
            {t('review.title')}
          </Title>
        </Stack>
        <Paper withBorder p="md">
          <Facts
            rows={[
              [t('summary.method'), <MethodLabel key="m" method={method} />],
              [t('summary.when'), timingText(t, check.rules)],
              [t('summary.which'), t(`scope.${check.rules.scope}`)],
              [
                t('summary.max'),
                check.maxMinor === null ? (
                  t('summary.noMax')
                ) : (
                  <span key="max" data-amount>
                    {format.money(check.maxMinor, currency)}
                  </span>
                ),
              ],
            ]}
          />
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} fz="sm">
              {t('review.authorizationTitle')}
            </Title>
            {textChanged && (
              <Alert
                color="yellow"
                variant="light"
                icon={<IconInfoCircle size={20} aria-hidden />}
                role="alert"
              >
                {t('review.textChanged')}
              </Alert>
            )}
            <Box
              p="sm"
              className={classes.authorization}
              id="autopay-authorization"
              tabIndex={0}
              role="region"
              aria-label={t('review.authorizationLabel')}
              data-testid="autopay-authorization"
            >
              {state.authorizationText}
            </Box>
            <Checkbox
              label={behalf ? t('review.acceptStaff', { customer: behalf.customer }) : t('review.accept')}
              checked={accepted}
              onChange={(event) => setAccepted(event.currentTarget.checked)}
              aria-describedby="autopay-authorization"
              required
              error={showErrors && !accepted ? t('review.required') : undefined}
            />
            <Text size="xs" c="dimmed">
              {behalf
                ? t('review.recordedStaff', { name: behalf.staffName, customer: behalf.customer })
                : t('review.recorded')}
            </Text>
          </Stack>
        </Paper>
        {change.error && <ProblemAlert error={change.error} />}
        <Group justify="space-between" gap="sm">
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
            onClick={() => setView('rules')}
          >
            {t('review.back')}
          </Button>
          <Button
            leftSection={<IconRepeat size={16} aria-hidden />}
            onClick={submit}
            loading={change.isPending}
            data-testid="autopay-submit"
          >
            {enrollment ? t('review.submitChange') : t('review.submit')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('form.steps', { step: 1 })}
        </Text>
        <Title order={2} fz="lg" ref={headingRef} tabIndex={-1} className={payClasses.stepTitle}>
          {title}
        </Title>
      </Stack>

      <Stack gap="xs">
        <Title order={3} fz="sm" id="autopay-method-title">
          {t('form.methodTitle')}
        </Title>
        {state.methods.length === 0 ? (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Group gap="sm" c="dimmed" wrap="nowrap">
                <IconWallet size={20} aria-hidden style={{ flex: 'none' }} />
                <Text size="sm">
                  {behalf ? t('panel.noMethods', { customer: behalf.customer }) : t('form.noMethods')}
                </Text>
              </Group>
              {!behalf && (
                <>
                  <Text size="sm">{t('form.addHint')}</Text>
                  <Box>
                    <Button component={Link} to="/portal/invoices?status=open&sort=dueDate" variant="light">
                      {t('form.addMethod')}
                    </Button>
                  </Box>
                </>
              )}
            </Stack>
          </Paper>
        ) : (
          <Radio.Group
            value={form.methodId}
            onChange={(methodId) => update({ methodId })}
            label={t('form.methodLabel')}
            labelProps={{ className: payClasses.srOnly }}
            error={errorText(errors.method)}
          >
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {state.methods.map((saved) => (
                  <Radio.Card
                    key={saved.id}
                    value={saved.id}
                    checked={form.methodId === saved.id}
                    className={payClasses.methodCard}
                    radius="md"
                  >
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator mt={2} />
                      <Stack gap={2} miw={0} flex={1}>
                        <Group gap={6} wrap="nowrap">
                          <MethodIcon kind={saved.kind} />
                          <Text size="sm" fw={600}>
                            {methodText(tPay, saved)}
                          </Text>
                        </Group>
                        {methodDetail(tPay, saved) && (
                          <Text size="xs" c="dimmed">
                            {methodDetail(tPay, saved)}
                          </Text>
                        )}
                      </Stack>
                    </Group>
                  </Radio.Card>
                ))}
              </SimpleGrid>
              {!behalf && (
                <Text size="xs" c="dimmed">
                  {t('form.addHint')}{' '}
                  <Anchor component={Link} to="/portal/payment-methods" size="xs">
                    {t('form.manageMethods')}
                  </Anchor>
                </Text>
              )}
            </Stack>
          </Radio.Group>
        )}
      </Stack>

      {state.methods.length > 0 && (
        <>
          <Radio.Group
            value={form.scope}
            onChange={(scope) => update({ scope: scope as RulesForm['scope'] })}
            label={t('form.whichTitle')}
            labelProps={{ fw: 700, fz: 'sm', mb: 'xs' }}
          >
            <Stack gap="sm">
              <Radio value="all_due" label={t('form.allDue')} description={t('form.allDueHelp')} />
              <Radio
                value="overdue_only"
                label={t('form.overdueOnly')}
                description={t('form.overdueOnlyHelp')}
              />
            </Stack>
          </Radio.Group>

          {form.scope === 'all_due' && (
            <Radio.Group
              value={form.timing}
              onChange={(timing) => update({ timing: timing as RulesForm['timing'] })}
              label={t('form.whenTitle')}
              labelProps={{ fw: 700, fz: 'sm', mb: 'xs' }}
            >
              <Stack gap="sm">
                <Radio value="due_date" label={t('form.dueDate')} description={t('form.dueDateHelp')} />
                <Radio
                  value="days_before"
                  label={t('form.daysBefore')}
                  description={t('form.daysBeforeHelp')}
                />
                {form.timing === 'days_before' && (
                  <TextInput
                    ml={32}
                    maw={280}
                    styles={{ input: { maxWidth: 120 } }}
                    label={t('form.daysLabel')}
                    description={t('form.daysHelp')}
                    inputMode="numeric"
                    value={form.daysBefore}
                    onChange={(event) => update({ daysBefore: event.currentTarget.value })}
                    error={errorText(errors.daysBefore)}
                    required
                  />
                )}
              </Stack>
            </Radio.Group>
          )}

          <Stack gap="sm">
            <Title order={3} fz="sm">
              {t('form.maxTitle')}
            </Title>
            <Checkbox
              label={t('form.limit')}
              checked={form.limited}
              onChange={(event) => update({ limited: event.currentTarget.checked })}
            />
            {form.limited && (
              <TextInput
                ml={32}
                maw={480}
                styles={{ input: { maxWidth: 240 } }}
                label={t('form.maxLabel', { currency })}
                description={t('form.maxHelp')}
                inputMode="decimal"
                value={form.maxText}
                onChange={(event) => update({ maxText: event.currentTarget.value })}
                error={errorText(errors.maxPerCharge)}
                required
              />
            )}
          </Stack>

          <Text size="xs" c="dimmed">
            {t('form.businessDays')}
          </Text>
        </>
      )}

      <Group justify={onCancel ? 'space-between' : 'flex-end'} gap="sm">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        )}
        {state.methods.length > 0 && (
          <Stack gap={4} align="flex-end">
            <Button
              rightSection={<IconArrowRight size={16} aria-hidden />}
              onClick={() => (check.ok ? setView('review') : setShowErrors(true))}
            >
              {t('form.continue')}
            </Button>
            {showErrors && !check.ok && (
              <Text size="xs" c="red.7" role="alert">
                {t('form.fixErrors')}
              </Text>
            )}
          </Stack>
        )}
      </Group>
    </Stack>
  );
}
