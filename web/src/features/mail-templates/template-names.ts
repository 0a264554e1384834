import { useTranslation } from 'react-i18next';

/** Template names in the reader's language; a key added later without a name reads as itself. */
export function useTemplateName(): (key: string) => string {
  const { t } = useTranslation('mailTemplates');
  return (key: string) => {
    const words = key.replace(/_/g, ' ');
    return t(`keys.${key}` as 'keys.reminder', {
      defaultValue: words.charAt(0).toUpperCase() + words.slice(1),
    });
  };
}
