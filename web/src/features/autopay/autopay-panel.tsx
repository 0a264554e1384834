import { Alert, Box, Button, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconInfoCircle, IconRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useStaffContext } from '../../app/session';
import { SectionLoader } from '../../shared/ui/loaders';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { type AutopayTarget, useAutopay } from './autopay.api';
import { type AutopayAction, AutopayConfirm } from './autopay-confirm';
import { AutopayForm } from './autopay-form';
import { AutopayHistory } from './autopay-history';
import { asSentence, autopayCurrency, canManageAutopay, liveEnrollment } from './autopay-logic';
import { AutopayState, StatusBadge } from './autopay-state';

/** The few charges the side column lists before "Show all". */
const PANEL_HISTORY = 3;

/**
 * The customer page's autopay panel: the enrollment as the customer sees it (who accepted which
 * text, when, from where), and for owners, admins and AR agents the same form and actions as the
 * portal's, on the customer's behalf: the staff user is recorded as the one who accepted.
 */
export function AutopayPanel({ customer }: { customer: { id: string; name: string; currency: string } }) {
  const { t } = useTranslation('autopay');
  const { role, orgName } = useStaffContext();
  const { user } = useSession();
  const target: AutopayTarget = { audience: 'console', customerId: customer.id };
  const autopay = useAutopay(target);
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<AutopayAction | null>(null);
  const phone = useMediaQuery('(max-width: 48em)');
  const canManage = canManageAutopay('console', role);
  const state = autopay.data;
  const live = liveEnrollment(state?.enrollment);
  const currency = autopayCurrency(state, customer.currency);

  let body: React.ReactNode;
  if (autopay.isError && !state)
    body = <ProblemAlert error={autopay.error} onRetry={() => void autopay.refetch()} />;
  else if (!state) body = <SectionLoader />;
  else if (live)
    body = (
      <AutopayState
        enrollment={live}
        orgName={orgName}
        canManage={canManage}
        onEdit={() => setEditing(true)}
        onAction={setAction}
        compact
      />
    );
  else
    body = (
      <Stack gap="xs">
        <Text size="sm">{t('panel.off')}</Text>
        {!state.available ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} p="xs">
            <Text size="sm">{asSentence(state.unavailableReason ?? '')}</Text>
          </Alert>
        ) : canManage ? (
          <Box>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconRepeat size={14} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('panel.setUp')}
            </Button>
          </Box>
        ) : null}
      </Stack>
    );

  const history = state?.enrollment?.history ?? [];
  return (
    <Section
      title={t('panel.title')}
      actions={state && <StatusBadge status={live?.status ?? 'off'} />}
      padded
    >
      <Box data-testid="autopay-panel">
        <Stack gap="md">
          {body}
          {state && !canManage && (
            <Text size="xs" c="dimmed">
              {t('panel.readOnly')}
            </Text>
          )}
          {history.length > 0 && state && (
            <Stack gap="xs">
              <Title order={3} fz="sm">
                {t('panel.history')}
              </Title>
              <AutopayHistory
                charges={history}
                currency={state.enrollment?.currency ?? currency}
                paymentPath={(id) => `/console/payments/${id}`}
                limit={PANEL_HISTORY}
              />
            </Stack>
          )}
        </Stack>
      </Box>
      {state && (
        <Modal
          opened={editing}
          onClose={() => setEditing(false)}
          title={t('panel.modalTitle', { customer: customer.name })}
          size="lg"
          fullScreen={phone}
          styles={{ title: { fontWeight: 600, fontSize: 18 } }}
        >
          <Stack gap="md">
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
              {t('panel.behalfNote', { customer: customer.name })}
            </Alert>
            <AutopayForm
              target={target}
              state={state}
              currency={currency}
              enrollment={live}
              onDone={() => setEditing(false)}
              onCancel={() => setEditing(false)}
              behalf={{ customer: customer.name, staffName: user.name }}
              refetch={autopay.refetch}
            />
          </Stack>
        </Modal>
      )}
      <AutopayConfirm target={target} action={action} onClose={() => setAction(null)} />
    </Section>
  );
}
