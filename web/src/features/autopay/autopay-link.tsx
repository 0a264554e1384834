import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconRepeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAutopay } from './autopay.api';
import { liveEnrollment } from './autopay-logic';
import { StatusBadge } from './autopay-state';

/** On the saved-methods page: the way to autopay, with its state once known. */
export function AutopayLink() {
  const { t } = useTranslation('autopay');
  const autopay = useAutopay({ audience: 'portal' });
  const live = liveEnrollment(autopay.data?.enrollment);
  return (
    <Paper withBorder mt="lg">
      <UnstyledButton component={Link} to="/portal/autopay" px="md" py="sm" display="block" w="100%">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <IconRepeat size={20} stroke={1.6} aria-hidden style={{ flex: 'none' }} />
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={600} c="teal.8">
                {t('page.link')}
              </Text>
              <Text size="xs" c="dimmed">
                {live?.status === 'active' ? t('page.linkOn') : t('page.linkText')}
              </Text>
            </Stack>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {autopay.data && <StatusBadge status={live?.status ?? 'off'} />}
            <IconChevronRight size={16} aria-hidden />
          </Group>
        </Group>
      </UnstyledButton>
    </Paper>
  );
}
