import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../app/api/client';
import { MIN_PASSWORD_LENGTH, rules, useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { SectionLoader } from '../../shared/ui/loaders';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CenteredCard } from '../shell/centered-layout';
import { tokenCodeOf, usePasswordReset, useResetPassword } from './auth.api';
import { InvalidLink } from './invalid-link';

export function ResetPasswordPage() {
  const { t } = useTranslation(['auth', 'common']);
  const token = useParams().token ?? '';
  const link = usePasswordReset(token);
  const reset = useResetPassword(token);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: { password: rules.newPassword },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);
  usePageTitle(t('reset.pageTitle'));

  const linkCode = tokenCodeOf(link.error) ?? tokenCodeOf(reset.error);
  if (linkCode) return <InvalidLink kind="reset" code={linkCode} />;

  if (link.isPending) {
    return (
      <CenteredCard title={t('reset.title')}>
        <SectionLoader />
      </CenteredCard>
    );
  }
  if (link.isError) {
    return (
      <CenteredCard title={t('reset.title')}>
        <ProblemAlert error={link.error} onRetry={() => void link.refetch()} />
      </CenteredCard>
    );
  }

  const submit = form.onSubmit((values) => {
    clearFormError();
    reset.mutate(values, {
      onError: (error) => {
        handleError(error);
        // "Too weak" explains itself best next to the password.
        if (isApiError(error, 'weak_password') && !error.problem.errors?.length) {
          clearFormError();
          form.setFieldError('password', error.problem.detail || error.problem.title);
        }
      },
    });
  });

  return (
    <CenteredCard title={t('reset.title')} description={t('reset.description')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && <ProblemAlert error={formError} />}
          <TextInput
            label={t('fields.email')}
            value={link.data.email}
            autoComplete="username"
            readOnly
            variant="filled"
          />
          <PasswordInput
            label={t('fields.newPassword')}
            description={t('fields.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            autoFocus
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth loading={reset.isPending}>
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
