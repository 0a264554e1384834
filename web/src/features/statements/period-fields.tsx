import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** From and to, as calendar dates (YYYY-MM-DD; the browser's date picker). */
export function PeriodFields({
  value,
  onChange,
}: {
  value: { from: string; to: string };
  onChange: (value: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation('statements');
  return (
    <Group grow align="flex-start">
      <TextInput
        type="date"
        label={t('from')}
        value={value.from}
        onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
        data-testid="statement-from"
      />
      <TextInput
        type="date"
        label={t('to')}
        value={value.to}
        onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
        data-testid="statement-to"
      />
    </Group>
  );
}
