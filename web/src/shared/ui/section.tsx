import { Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './kit.module.css';

/** A titled white panel. */
export function Section({
  title,
  actions,
  children,
  padded = false,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  padded?: boolean;
}) {
  return (
    <Paper withBorder className={classes.section}>
      <Group px="md" py="sm" justify="space-between" gap="sm" className={classes.sectionHeader}>
        <Title order={2} fz="md">
          {title}
        </Title>
        {actions}
      </Group>
      {padded ? <Stack p="md">{children}</Stack> : children}
    </Paper>
  );
}
