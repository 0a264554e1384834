import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function Mark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-teal-6)" />
      <path
        d="M21.5 11.2c-.9-1.6-2.8-2.7-5.3-2.7-3.2 0-5.4 1.7-5.4 4.2 0 2.3 1.7 3.4 4.9 4.1l1.2.3c1.9.4 2.6.9 2.6 1.8 0 1.1-1.2 1.8-3 1.8-1.9 0-3.2-.8-3.7-2.1l-2.9 1.2c.9 2.3 3.4 3.7 6.6 3.7 3.5 0 5.9-1.8 5.9-4.5 0-2.3-1.5-3.5-5-4.2l-1.2-.3c-1.7-.4-2.4-.8-2.4-1.7 0-1 1-1.6 2.4-1.6 1.4 0 2.4.6 2.9 1.6z"
        fill="#fff"
      />
    </svg>
  );
}

/** The Saldo logo and name; a link home when `linked`. */
export function Wordmark({ size = 'md', linked = false }: { size?: 'md' | 'lg'; linked?: boolean }) {
  const { t } = useTranslation();
  const mark = size === 'lg' ? 36 : 28;
  const content = (
    <Group gap={10} wrap="nowrap">
      <Mark size={mark} />
      <Text
        component="span"
        fw={700}
        fz={size === 'lg' ? 26 : 20}
        lh={1}
        c="dark.8"
        style={{ letterSpacing: '-0.02em' }}
      >
        {t('brand')}
      </Text>
    </Group>
  );
  if (!linked) return content;
  return (
    <UnstyledButton component={Link} to="/" aria-label={t('brand')}>
      {content}
    </UnstyledButton>
  );
}
