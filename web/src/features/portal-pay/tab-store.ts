import type { KeyValueStore } from './pay-logic';

const memory = new Map<string, string>();
const inMemory: KeyValueStore = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};

/** This tab's sessionStorage, or (where storage is blocked) a map that lives as long as the page. */
export function tabStore(): KeyValueStore {
  try {
    const storage = window.sessionStorage;
    storage.getItem('saldo.portalPay.probe');
    return storage;
  } catch {
    return inMemory;
  }
}
