import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** The help centre's search box: Enter shows the pages that match, on the index. */
export function HelpSearch({
  value: controlled,
  onChange,
}: {
  value?: string;
  onChange?: (q: string) => void;
}) {
  const { t } = useTranslation('help');
  const navigate = useNavigate();
  // Where "Back to Saldo" leads travels with the search.
  const { state } = useLocation();
  const [own, setOwn] = useState('');
  const value = controlled ?? own;
  return (
    <search>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const q = value.trim();
          navigate(q ? `/help?q=${encodeURIComponent(q)}` : '/help', { state });
        }}
      >
        <TextInput
          type="search"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          maxLength={100}
          value={value}
          onChange={(event) => {
            setOwn(event.currentTarget.value);
            onChange?.(event.currentTarget.value);
          }}
        />
      </form>
    </search>
  );
}
