import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useInvoices } from '../invoices/invoices.api';
import { useTemplateName } from '../mail-templates/template-names';
import {
  type CustomerDunning,
  type DunningMode,
  useCustomerDunning,
  useSaveCustomerDunning,
  useSendReminderNow,
} from './dunning.api';
import { type DraftStep, StepsEditor, stepErrorsOf, stepsValid, useOffsetLabel } from './steps-editor';

/** The customer detail's reminders: whose steps it follows, who receives them, the latest sent, "send now". */
export function CustomerRemindersPanel({
  customerId,
  customerName,
  canChange,
}: {
  customerId: string;
  customerName: string;
  canChange: boolean;
}) {
  const { t } = useTranslation('dunning');
  const format = useFormatters();
  const templateName = useTemplateName();
  const offsetLabel = useOffsetLabel();
  const state = useCustomerDunning(customerId);
  const [window, setWindow] = useState<'mode' | 'send' | null>(null);
  const data = state.data;
  return (
    <Paper withBorder p="md" data-testid="customer-reminders">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm">
          <Title order={2} size="h4">
            {t('customer.title')}
          </Title>
          {data && (
            <Badge color={data.mode === 'off' ? 'gray' : 'teal'} variant="light" tt="none">
              {t(`customer.${data.mode}`)}
            </Badge>
          )}
        </Group>
        {canChange && data && (
          <Group gap="xs">
            <Button size="compact-md" variant="subtle" onClick={() => setWindow('mode')}>
              {t('customer.edit')}
            </Button>
            <Button size="compact-md" variant="light" onClick={() => setWindow('send')}>
              {t('customer.sendNow')}
            </Button>
          </Group>
        )}
      </Group>
      {state.error ? <ProblemAlert error={state.error} /> : null}
      {data && (
        <Stack gap={4} mt="xs">
          <Text size="sm" c="dimmed">
            {data.mode === 'off'
              ? t('customer.offText')
              : data.steps.length
                ? t('customer.steps', { steps: data.steps.map((s) => offsetLabel(s.offsetDays)).join(' · ') })
                : t('customer.noSteps')}
          </Text>
          <Text size="sm" c="dimmed">
            {data.recipients.length
              ? t('customer.recipients', { emails: data.recipients.map((r) => r.email).join(', ') })
              : t('customer.noRecipients')}
          </Text>
          <Text size="sm" fw={600} mt="xs">
            {t('customer.recent')}
          </Text>
          {data.recent.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('customer.noRecent')}
            </Text>
          ) : (
            data.recent.slice(0, 5).map((r) => (
              <Text size="sm" key={`${r.sentAt}-${r.template}-${r.offsetDays}`} data-testid="recent-reminder">
                {format.dateTime(String(r.sentAt))} ·{' '}
                {t('customer.recentLine', {
                  template: templateName(r.template),
                  invoices: r.invoiceNumbers.join(', '),
                })}
                {' · '}
                <Text span size="sm" c="dimmed">
                  {offsetLabel(r.kind === 'manual' ? null : r.offsetDays)}
                </Text>
              </Text>
            ))
          )}
        </Stack>
      )}
      {window === 'mode' && data && (
        <ModeModal
          customerId={customerId}
          customerName={customerName}
          data={data}
          onClose={() => setWindow(null)}
        />
      )}
      {window === 'send' && data && (
        <SendReminderModal
          customerId={customerId}
          customerName={customerName}
          data={data}
          onClose={() => setWindow(null)}
        />
      )}
    </Paper>
  );
}

interface ModalProps {
  customerId: string;
  customerName: string;
  data: CustomerDunning;
  onClose: () => void;
}

function ModeModal({ customerId, customerName, data, onClose }: ModalProps) {
  const { t } = useTranslation('dunning');
  const save = useSaveCustomerDunning(customerId);
  const [mode, setMode] = useState<DunningMode>(data.mode);
  const [steps, setSteps] = useState<DraftStep[]>(data.steps.map((s) => ({ ...s })));
  const [tried, setTried] = useState(false);
  const choose = (next: DunningMode) => {
    // Choosing "own steps" starts from the seller's.
    if (next === 'custom' && steps.length === 0) setSteps(data.defaultSteps.map((s) => ({ ...s })));
    setMode(next);
  };
  const submit = () => {
    setTried(true);
    if (mode === 'custom' && !stepsValid(steps)) return;
    save.mutate(
      mode === 'custom'
        ? { mode, steps: steps.map((s) => ({ offsetDays: s.offsetDays as number, template: s.template })) }
        : { mode },
      { onSuccess: onClose },
    );
  };
  const serverErrors = stepErrorsOf(save.error);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('customer.editTitle', { name: customerName })}
      size="xl"
      centered
    >
      <Stack gap="md">
        <Radio.Group label={t('customer.mode')} value={mode} onChange={(v) => choose(v as DunningMode)}>
          <Stack gap="xs" mt="xs">
            <Radio value="default" label={t('customer.default')} />
            <Radio value="custom" label={t('customer.custom')} />
            <Radio value="off" label={t('customer.off')} />
          </Stack>
        </Radio.Group>
        {mode === 'custom' && (
          <StepsEditor steps={steps} onChange={setSteps} readOnly={false} serverErrors={serverErrors} />
        )}
        {tried && mode === 'custom' && !stepsValid(steps) && (
          <Alert color="red" variant="light" role="alert">
            {t('settings.fix')}
          </Alert>
        )}
        {save.error && Object.keys(serverErrors).length === 0 ? <ProblemAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('customer.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={submit}>
            {t('customer.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SendReminderModal({ customerId, customerName, data, onClose }: ModalProps) {
  const { t } = useTranslation('dunning');
  const format = useFormatters();
  const send = useSendReminderNow(customerId);
  const invoices = useInvoices('console', { customerId, status: 'open', sort: 'dueDate', pageSize: 100 });
  const open = invoices.data?.items ?? [];
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const selected = chosen ?? new Set(open.map((i) => i.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const result = send.data;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('customer.sendTitle', { name: customerName })}
      size="lg"
      centered
    >
      <Stack gap="sm" data-testid="send-reminder-modal">
        <Text size="sm">{t('customer.sendIntro')}</Text>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('customer.to')}
          </Text>
          {data.recipients.length ? (
            data.recipients.map((r) => (
              <Text size="sm" key={r.contactId}>
                {r.name} &lt;{r.email}&gt;
              </Text>
            ))
          ) : (
            <Text size="sm" c="dimmed">
              {t('customer.noRecipients')}
            </Text>
          )}
        </Stack>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('customer.invoices')}
          </Text>
          {invoices.error ? <ProblemAlert error={invoices.error} /> : null}
          {invoices.data && open.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('customer.noOpen')}
            </Text>
          )}
          {open.map((inv) => (
            <Group key={inv.id} justify="space-between" gap="sm" wrap="nowrap">
              <Checkbox
                label={t('customer.invoiceLine', { number: inv.number, due: format.day(inv.dueDate) })}
                checked={selected.has(inv.id)}
                // Once sent, the choice is what was sent: it no longer changes anything.
                disabled={Boolean(result)}
                onChange={(e) => toggle(inv.id, e.currentTarget.checked)}
              />
              <Money minor={inv.openAmount} currency={inv.currency} size="sm" />
            </Group>
          ))}
        </Stack>
        {send.error ? <ProblemAlert error={send.error} /> : null}
        {result && (
          <Alert color="teal" variant="light" role="status">
            {t('customer.sent', { count: result.messages })}
            {result.skipped.length > 0 &&
              ` ${t('customer.skipped', {
                list: result.skipped.map((s) => `${s.number} (${t(`skip.${s.reason}`)})`).join(', '),
              })}`}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {result ? t('customer.close') : t('customer.cancel')}
          </Button>
          {!result && (
            <Button
              loading={send.isPending}
              disabled={selected.size === 0}
              onClick={() => send.mutate({ invoiceIds: [...selected] })}
            >
              {t('customer.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
