import { Anchor, Button, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rules, useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CenteredCard } from '../shell/centered-layout';
import { useRequestPasswordReset } from './auth.api';

function BackToSignIn() {
  const { t } = useTranslation(['auth', 'common']);
  return (
    <Anchor component={Link} to="/sign-in" size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />
      {t('links.backToSignIn')}
    </Anchor>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation(['auth', 'common']);
  usePageTitle(t('forgot.pageTitle'));
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: { email: rules.email },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);

  if (sentTo) {
    return (
      <CenteredCard
        icon={
          <ThemeIcon size={44} radius="xl" variant="light">
            <IconMailCheck size={24} aria-hidden />
          </ThemeIcon>
        }
        title={t('forgot.sentTitle')}
        description={t('forgot.sentText', { email: sentTo })}
      >
        <Text size="sm" c="dimmed">
          {t('forgot.sentHint')}
        </Text>
        <Stack gap="xs" align="flex-start">
          <Anchor component="button" type="button" size="sm" onClick={() => setSentTo(null)}>
            {t('forgot.tryAgain')}
          </Anchor>
          <BackToSignIn />
        </Stack>
      </CenteredCard>
    );
  }

  const submit = form.onSubmit((values) => {
    clearFormError();
    const email = values.email.trim();
    request.mutate({ email }, { onSuccess: () => setSentTo(email), onError: handleError });
  });

  return (
    <CenteredCard title={t('forgot.title')} description={t('forgot.description')}>
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
          <Button type="submit" fullWidth loading={request.isPending}>
            {t('forgot.submit')}
          </Button>
        </Stack>
      </form>
      <BackToSignIn />
    </CenteredCard>
  );
}
