import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { rules, useServerErrors } from '../../app/forms';
import { safeNextPath } from '../../app/navigation';
import { usePageTitle } from '../../app/page-title';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CenteredCard } from '../shell/centered-layout';
import { useSignIn } from './auth.api';

export function SignInPage() {
  const { t } = useTranslation(['auth', 'common']);
  usePageTitle(t('signIn.pageTitle'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { data: me } = useMe();
  const signIn = useSignIn();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: { email: rules.email, password: rules.required },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);

  if (me) return <Navigate to={next ?? '/'} replace />;

  const submit = form.onSubmit((values) => {
    clearFormError();
    signIn.mutate({ email: values.email.trim(), password: values.password }, { onError: handleError });
  });

  return (
    <Stack gap="md">
      <CenteredCard title={t('signIn.title')} description={t('signIn.description')}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {formError && <ProblemAlert error={formError} />}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              inputMode="email"
              autoFocus
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <Stack gap={6}>
              <PasswordInput
                label={t('fields.password')}
                autoComplete="current-password"
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
              <Group justify="flex-end">
                <Anchor component={Link} to="/forgot-password" size="sm">
                  {t('signIn.forgot')}
                </Anchor>
              </Group>
            </Stack>
            <Button type="submit" fullWidth loading={signIn.isPending} mt={4}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </CenteredCard>
      <Text size="sm" c="dimmed" ta="center" px="md">
        {t('signIn.byInvitation')}
      </Text>
    </Stack>
  );
}
