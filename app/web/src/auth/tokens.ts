// Tokens live in localStorage, as in the incident's app, and are read there at the
// moment of use: no in-memory copy exists for a hot update to reset.
import type { TokenPair } from '../../../shared/api-types.ts';
import { storageKeys } from '../../../shared/storage-keys.ts';
import { bugOn, thisPage } from '../bugs.ts';

const ACCESS = storageKeys.accessToken;
const REFRESH = storageKeys.refreshToken;

// Bug 'token-from-unhydrated-store' only: the original app's in-memory copy of the
// tokens, hydrated from storage once, as the root first renders. A hot update that
// re-executes this module starts it empty, and the root, which Fast Refresh keeps
// mounted with its state, never hydrates it again.
let memory: { access: string | null; refresh: string | null } | null = null;
const stored = (key: string, from: 'access' | 'refresh') =>
  bugOn(thisPage, 'token-from-unhydrated-store') ? (memory?.[from] ?? null) : localStorage.getItem(key);

export const tokens = {
  access: () => stored(ACCESS, 'access'),
  refresh: () => stored(REFRESH, 'refresh'),
  hasSession: () => Boolean(localStorage.getItem(ACCESS) || localStorage.getItem(REFRESH)),
  save(pair: TokenPair) {
    localStorage.setItem(ACCESS, pair.accessToken);
    localStorage.setItem(REFRESH, pair.refreshToken);
    memory = { access: pair.accessToken, refresh: pair.refreshToken };
  },
  clear() {
    localStorage.removeItem(ACCESS);
    localStorage.removeItem(REFRESH);
    memory = { access: null, refresh: null };
  },
  /** The root's first render: fill the in-memory copy from storage (only the bug reads it). */
  hydrate: () => void (memory ??= { access: localStorage.getItem(ACCESS), refresh: localStorage.getItem(REFRESH) }),
};
