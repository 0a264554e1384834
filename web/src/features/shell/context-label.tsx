import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Context } from '../../app/api/types';

/** Two lines: the place and, dimmed, what the user is there. */
export function ContextLines({ context }: { context: Context }) {
  const { t } = useTranslation(['shell', 'common']);
  const primary = context.kind === 'staff' ? context.orgName : context.accountName;
  const secondary =
    context.kind === 'staff'
      ? t('context.staffLine', { role: t(`common:roles.${context.role}`) })
      : t('context.customerLine', { org: context.orgName, role: t(`common:roles.${context.role}`) });
  return (
    <span style={{ display: 'block', minWidth: 0 }}>
      <Text component="span" display="block" size="sm" fw={600} truncate="end">
        {primary}
      </Text>
      <Text component="span" display="block" size="xs" c="dimmed" truncate="end">
        {secondary}
      </Text>
    </span>
  );
}
