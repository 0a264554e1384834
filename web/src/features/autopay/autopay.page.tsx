import { Alert, Box, Button, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { type AutopayState, type AutopayTarget, useAutopay } from './autopay.api';
import { type AutopayAction, AutopayConfirm } from './autopay-confirm';
import { AutopayForm } from './autopay-form';
import { AutopayHistory } from './autopay-history';
import { asSentence, autopayCurrency, canManageAutopay, liveEnrollment } from './autopay-logic';
import { AutopayState as EnrollmentState, StatusBadge } from './autopay-state';

const TARGET: AutopayTarget = { audience: 'portal' };

/**
 * /portal/autopay: the account's autopay — off (and how to turn it on), on or paused with its
 * rules and next charge, the form to set it up or change it, and the charges it made.
 */
export function AutopayPage() {
  const { t } = useTranslation('autopay');
  const { orgName } = useCustomerContext();
  const autopay = useAutopay(TARGET);
  usePageTitle(t('page.title'));
  return (
    <>
      <BackLink to="/portal/payment-methods">{t('page.back')}</BackLink>
      <PageHeader title={t('page.title')} description={t('page.description', { org: orgName })} />
      {autopay.isError && !autopay.data ? (
        <ProblemAlert error={autopay.error} onRetry={() => void autopay.refetch()} />
      ) : !autopay.data ? (
        <Stack gap="md">
          <Skeleton height={120} radius="md" />
          <Skeleton height={64} radius="md" />
        </Stack>
      ) : (
        <PortalAutopay state={autopay.data} refetch={autopay.refetch} />
      )}
    </>
  );
}

function PortalAutopay({ state, refetch }: { state: AutopayState; refetch: () => unknown }) {
  const { t } = useTranslation('autopay');
  const format = useFormatters();
  const { orgName, role } = useCustomerContext();
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<AutopayAction | null>(null);
  const live = liveEnrollment(state.enrollment);
  const canManage = canManageAutopay('portal', role);
  const currency = autopayCurrency(state, state.currency);
  const history = state.enrollment?.history ?? [];

  let body: React.ReactNode;
  if (editing && canManage && (live || state.available)) {
    body = (
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <AutopayForm
          target={TARGET}
          state={state}
          currency={currency}
          enrollment={live}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
          refetch={refetch}
        />
      </Paper>
    );
  } else if (live) {
    body = (
      <EnrollmentState
        enrollment={live}
        orgName={orgName}
        canManage={canManage}
        onEdit={() => setEditing(true)}
        onAction={setAction}
      />
    );
  } else if (!state.available) {
    body = (
      <Alert
        color="gray"
        variant="light"
        icon={<IconInfoCircle size={20} aria-hidden />}
        title={t('off.unavailableTitle')}
        data-testid="autopay-unavailable"
      >
        {asSentence(state.unavailableReason ?? '')}
      </Alert>
    );
  } else {
    body = (
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm" align="flex-start">
          <Box style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <Title order={2} fz="lg">
              {t('off.title')}
            </Title>
            <StatusBadge status="off" />
          </Box>
          <Text size="sm" c="dimmed" maw={620}>
            {t('off.text', { org: orgName })}
          </Text>
          {state.enrollment?.cancelledAt && (
            <Text size="sm">{t('off.cancelled', { date: format.date(state.enrollment.cancelledAt) })}</Text>
          )}
          {canManage ? (
            <Button
              leftSection={<IconRepeat size={16} aria-hidden />}
              onClick={() => setEditing(true)}
              mt="xs"
            >
              {t('actions.setUp')}
            </Button>
          ) : (
            <Text size="sm">{t('off.readOnly')}</Text>
          )}
        </Stack>
      </Paper>
    );
  }

  return (
    <Stack gap="xl">
      {live && !canManage && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
          {t('off.readOnly')}
        </Alert>
      )}
      {live && canManage && !state.available && state.unavailableReason && !editing && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
          {asSentence(state.unavailableReason ?? '')}
        </Alert>
      )}
      {body}
      {history.length > 0 && (
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('history.title')}
          </Title>
          <AutopayHistory
            charges={history}
            currency={state.enrollment?.currency ?? currency}
            paymentPath={(id) => `/portal/payments/${id}`}
          />
        </Stack>
      )}
      <AutopayConfirm target={TARGET} action={action} onClose={() => setAction(null)} />
    </Stack>
  );
}
