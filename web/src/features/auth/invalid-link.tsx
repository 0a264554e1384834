import { Anchor, Button, Stack, ThemeIcon } from '@mantine/core';
import { IconClockX, IconLinkOff, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { CenteredCard } from '../shell/centered-layout';
import type { TokenCode } from './auth.api';

const icons = { token_expired: IconClockX, token_used: IconRosetteDiscountCheck, token_invalid: IconLinkOff };

/** A password-reset or invitation link that can't be used, and what to do instead. */
export function InvalidLink({ kind, code }: { kind: 'reset' | 'invitation'; code: TokenCode }) {
  const { t } = useTranslation(['auth', 'common']);
  const title = t(`invalidLink.titles.${code}`);
  usePageTitle(title);
  const Icon = icons[code];

  return (
    <CenteredCard
      icon={
        <ThemeIcon size={44} radius="xl" variant="light" color={code === 'token_used' ? 'teal' : 'orange'}>
          <Icon size={24} aria-hidden />
        </ThemeIcon>
      }
      title={title}
      description={t(`invalidLink.${kind}.${code}`)}
    >
      {kind === 'reset' ? (
        <Stack gap="sm">
          <Button component={Link} to="/forgot-password" fullWidth>
            {t('invalidLink.requestNewLink')}
          </Button>
          <Button component={Link} to="/sign-in" variant="default" fullWidth>
            {t('common:actions.signIn')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Button
            component={Link}
            to="/sign-in"
            variant={code === 'token_used' ? 'filled' : 'default'}
            fullWidth
          >
            {t('common:actions.signIn')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            {t('links.forgotPassword')}
          </Anchor>
        </Stack>
      )}
    </CenteredCard>
  );
}
