import { Button, type ButtonProps, SimpleGrid } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../../app/date-input';
import { periodProblem } from './statements.api';

/**
 * From and to, as calendar dates typed or picked in the interface language (the shared DayInput;
 * the value stays 'YYYY-MM-DD'). A missing date or an end before the start is said on the field,
 * in words; the caller keeps its button off until periodProblem() is null.
 */
export function PeriodFields({
  value,
  onChange,
}: {
  value: { from: string; to: string };
  onChange: (value: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation('statements');
  const problem = periodProblem(value);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
      <DayInput
        label={t('from')}
        value={value.from}
        onChange={(from) => onChange({ ...value, from })}
        error={problem === 'periodMissing' && !value.from ? t('periodMissing') : undefined}
        data-testid="statement-from"
      />
      <DayInput
        label={t('to')}
        value={value.to}
        onChange={(to) => onChange({ ...value, to })}
        error={
          problem === 'periodOrder'
            ? t('periodOrder')
            : problem === 'periodMissing' && !value.to
              ? t('periodMissing')
              : undefined
        }
        data-testid="statement-to"
      />
    </SimpleGrid>
  );
}

/**
 * The statement's download: a link to the PDF (downloaded, not opened) for a period that can be
 * asked for, else a disabled button — the fields above say what is wrong.
 */
export function StatementDownload({
  href,
  label,
  ...props
}: { href: string | null; label: string } & Pick<ButtonProps, 'size' | 'variant'>) {
  const icon = <IconDownload size={16} aria-hidden />;
  return href ? (
    <Button {...props} component="a" href={href} download leftSection={icon}>
      {label}
    </Button>
  ) : (
    <Button {...props} disabled leftSection={icon}>
      {label}
    </Button>
  );
}
