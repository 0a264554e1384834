import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** While the session or a whole page is loading. */
export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}

export function SectionLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader size="sm" aria-label={t('loading')} />
    </Center>
  );
}
