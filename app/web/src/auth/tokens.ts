// Tokens live in localStorage, as in the incident's app.
import type { TokenPair } from '../../../shared/api-types.ts';
import { storageKeys } from '../../../shared/storage-keys.ts';

const ACCESS = storageKeys.accessToken;
const REFRESH = storageKeys.refreshToken;

export const tokens = {
  access: () => localStorage.getItem(ACCESS),
  refresh: () => localStorage.getItem(REFRESH),
  hasSession: () => Boolean(localStorage.getItem(ACCESS) || localStorage.getItem(REFRESH)),
  save(pair: TokenPair) {
    localStorage.setItem(ACCESS, pair.accessToken);
    localStorage.setItem(REFRESH, pair.refreshToken);
  },
  clear() {
    localStorage.removeItem(ACCESS);
    localStorage.removeItem(REFRESH);
  },
};
