import {
  Alert,
  Anchor,
  Button,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconMailOpened } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MIN_PASSWORD_LENGTH, rules, useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { useMe } from '../../app/session';
import { SectionLoader } from '../../shared/ui/loaders';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CenteredCard } from '../shell/centered-layout';
import { type Invitation, tokenCodeOf, useAcceptInvitation, useInvitation, useSignOut } from './auth.api';
import { InvalidLink } from './invalid-link';

function useInvitationText(invitation: Invitation) {
  const { t } = useTranslation(['auth', 'common']);
  const role = t(`common:roles.${invitation.role}`);
  if (invitation.kind === 'customer' && invitation.accountName) {
    return {
      title: t('invitation.titleCustomer', { account: invitation.accountName }),
      text: t('invitation.textCustomer', { org: invitation.orgName, account: invitation.accountName, role }),
    };
  }
  return {
    title: t('invitation.titleStaff', { org: invitation.orgName }),
    text: t('invitation.textStaff', { org: invitation.orgName, role }),
  };
}

export function AcceptInvitationPage() {
  const { t } = useTranslation(['auth', 'common']);
  const token = useParams().token ?? '';
  const invitation = useInvitation(token);
  usePageTitle(t('invitation.pageTitle'));

  const code = tokenCodeOf(invitation.error);
  if (code) return <InvalidLink kind="invitation" code={code} />;
  if (invitation.isPending) {
    return (
      <CenteredCard title={t('invitation.pageTitle')}>
        <SectionLoader />
      </CenteredCard>
    );
  }
  if (invitation.isError) {
    return (
      <CenteredCard title={t('invitation.pageTitle')}>
        <ProblemAlert error={invitation.error} onRetry={() => void invitation.refetch()} />
      </CenteredCard>
    );
  }
  return <InvitationCard token={token} invitation={invitation.data} />;
}

function InvitationCard({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation(['auth', 'common']);
  const { data: me, isPending: meLoading } = useMe();
  const accept = useAcceptInvitation(token, invitation);
  const signOut = useSignOut({ stay: true });
  const { title, text } = useInvitationText(invitation);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', password: '' },
    validate: (values) =>
      invitation.userExists
        ? me
          ? {}
          : { password: rules.required(values.password) }
        : { name: rules.required(values.name), password: rules.newPassword(values.password) },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);

  const icon = (
    <ThemeIcon size={44} radius="xl" variant="light">
      <IconMailOpened size={24} aria-hidden />
    </ThemeIcon>
  );

  const linkCode = tokenCodeOf(accept.error);
  if (linkCode) return <InvalidLink kind="invitation" code={linkCode} />;

  if (meLoading) {
    return (
      <CenteredCard icon={icon} title={title} description={text}>
        <SectionLoader />
      </CenteredCard>
    );
  }

  const signedInAsSomeoneElse = me && me.user.email.toLowerCase() !== invitation.email.toLowerCase();
  if (signedInAsSomeoneElse) {
    return (
      <CenteredCard icon={icon} title={title} description={text}>
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={20} aria-hidden />}
          title={t('invitation.mismatchTitle')}
        >
          {t('invitation.mismatchText', { invited: invitation.email, current: me.user.email })}
        </Alert>
        <Button onClick={() => signOut.mutate()} loading={signOut.isPending} fullWidth>
          {t('invitation.signOutToContinue')}
        </Button>
      </CenteredCard>
    );
  }

  const submit = form.onSubmit((values) => {
    clearFormError();
    const body = !invitation.userExists
      ? { name: values.name.trim(), password: values.password }
      : me
        ? {}
        : { password: values.password };
    accept.mutate(body, { onError: handleError });
  });

  return (
    <CenteredCard icon={icon} title={title} description={text}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && <ProblemAlert error={formError} />}
          {me ? (
            <Text size="sm">{t('invitation.signedInAs', { email: me.user.email })}</Text>
          ) : (
            <TextInput
              label={t('fields.email')}
              value={invitation.email}
              autoComplete="username"
              readOnly
              variant="filled"
            />
          )}
          {!invitation.userExists && (
            <>
              <TextInput
                label={t('fields.name')}
                autoComplete="name"
                autoFocus
                key={form.key('name')}
                {...form.getInputProps('name')}
              />
              <PasswordInput
                label={t('fields.newPassword')}
                description={t('fields.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
                autoComplete="new-password"
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
            </>
          )}
          {invitation.userExists && !me && (
            <Stack gap={6}>
              <PasswordInput
                label={t('fields.password')}
                description={t('invitation.currentPasswordHint')}
                autoComplete="current-password"
                autoFocus
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
              <Group justify="flex-end">
                <Anchor component={Link} to="/forgot-password" size="sm">
                  {t('links.forgotPassword')}
                </Anchor>
              </Group>
            </Stack>
          )}
          <Button type="submit" fullWidth loading={accept.isPending}>
            {invitation.userExists ? t('invitation.accept') : t('invitation.createAndAccept')}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
