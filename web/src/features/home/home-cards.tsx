import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { type Icon, IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from './home.module.css';

export { firstName } from './first-name';

/** Who the user is and where they are. */
export function WelcomeCard({
  eyebrow,
  greeting,
  children,
  role,
}: {
  eyebrow: string;
  greeting: string;
  children: ReactNode;
  role: string;
}) {
  const { t } = useTranslation(['home', 'common']);
  return (
    <Paper withBorder p={{ base: 'lg', sm: 'xl' }} className={classes.welcome}>
      <Stack gap="xs">
        <Text size="xs" fw={700} tt="uppercase" c="teal.8" className={classes.eyebrow}>
          {eyebrow}
        </Text>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {greeting}
        </Title>
        <Text c="dark.5" maw={640}>
          {children}
        </Text>
        <Group gap="xs" mt={4}>
          <Text size="sm" c="dimmed">
            {t('yourRole')}
          </Text>
          <Badge variant="light" size="lg" radius="sm" tt="none" fw={600}>
            {role}
          </Badge>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A part of Saldo that a later release brings here. */
export function ComingSoonCard({ icon: CardIcon, title, text }: { icon: Icon; title: string; text: string }) {
  const { t } = useTranslation(['home', 'common']);
  return (
    <Paper withBorder p="lg" h="100%">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <ThemeIcon size={40} radius="md" variant="light" color="gray">
            <CardIcon size={22} stroke={1.6} aria-hidden />
          </ThemeIcon>
          <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
            {t('comingSoon')}
          </Badge>
        </Group>
        <Title order={2} fz="lg">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      </Stack>
    </Paper>
  );
}

/** A shortcut to something the user can do today. */
export function ShortcutCard({
  to,
  icon: CardIcon,
  title,
  text,
}: {
  to: string;
  icon: Icon;
  title: string;
  text: string;
}) {
  return (
    <UnstyledButton component={Link} to={to} className={classes.shortcut}>
      <ThemeIcon size={40} radius="md" variant="light">
        <CardIcon size={22} stroke={1.6} aria-hidden />
      </ThemeIcon>
      <Stack gap={2} flex={1} miw={0}>
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      </Stack>
      <IconArrowRight size={18} aria-hidden className={classes.arrow} />
    </UnstyledButton>
  );
}
