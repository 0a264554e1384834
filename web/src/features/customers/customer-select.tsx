import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerSummary, useCustomer, useCustomers } from './customers.api';

/** Pick a customer by name, number or tax id; the list is searched on the server. */
export function CustomerSelect({
  value,
  onChange,
  error,
  label,
  disabled,
  required = true,
  clearable = false,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: React.ReactNode;
  label: string;
  disabled?: boolean;
  /** False where a customer is optional (the mail templates preview: none means a sample). */
  required?: boolean;
  clearable?: boolean;
}) {
  const { t } = useTranslation('customers');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = useCustomer(value);
  const selectedLabel = selected.data ? labelOf(selected.data) : null;
  // While the box shows the chosen customer's label, list everyone rather than searching for that label.
  const q = debounced && debounced !== selectedLabel ? debounced : undefined;
  const customers = useCustomers({ q, sort: 'name', page: 1, pageSize: 20 });
  const data = useMemo(() => {
    const items = new Map<string, string>();
    if (selected.data) items.set(selected.data.id, labelOf(selected.data));
    for (const customer of customers.data?.items ?? []) items.set(customer.id, labelOf(customer));
    return [...items.entries()].map(([id, text]) => ({ value: id, label: text }));
  }, [customers.data, selected.data]);

  return (
    <Select
      label={label}
      placeholder={t('select.placeholder')}
      searchable
      required={required}
      clearable={clearable}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={customers.isFetching ? t('select.searching') : t('select.nothing')}
      error={error}
      disabled={disabled}
      maxDropdownHeight={280}
    />
  );
}

function labelOf(customer: Pick<CustomerSummary, 'name' | 'accountNumber'>): string {
  return `${customer.name} · ${customer.accountNumber}`;
}
