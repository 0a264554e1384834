import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale, LOCALES } from '../../app/i18n';
import { useChangeLanguage } from './shell.api';

/** ES | EN. Saved on the user when signed in, in this browser otherwise. */
export function LanguageSwitch({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <SegmentedControl
      data-testid="language-switch"
      aria-label={t('language.label')}
      size="xs"
      radius="md"
      fullWidth={fullWidth}
      value={currentLocale()}
      onChange={(value) => {
        if (isLocale(value)) changeLanguage(value);
      }}
      data={LOCALES.map((locale) => ({
        value: locale,
        label: <span title={t(`language.${locale}`)}>{locale.toUpperCase()}</span>,
      }))}
    />
  );
}
