import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { type ListState, SEARCH_MAX_LENGTH, useListState } from './list-state';

/** The text typed in a list's search box, sent to the list state's `q` once typing pauses. */
export function useListSearch(state: ListState) {
  const q = state.get('q');
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (debounced !== q) state.set({ q: debounced || null });
  }, [debounced, q, state.set]);
  return { q, search, setSearch };
}

/** The search box above a list. */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      type="search"
      maxLength={SEARCH_MAX_LENGTH}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={{ base: '100%', sm: 300 }}
    />
  );
}

/** `useListState` plus its debounced search box, for lists searched by `q`. */
export function useSearchableList(syncUrl: boolean) {
  const state = useListState(syncUrl);
  return { state, ...useListSearch(state) };
}
