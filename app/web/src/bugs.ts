// Reads the bug switches the suite planted for this page. Only builds made with
// VITE_TEST_HOOKS=on read them; in any other build this is a constant empty set and the
// reader is dropped by the bundler.
import { type CarriesBugSwitches, parseBugSwitches } from '../../shared/bug-switches.ts';

declare global {
  interface Window {
    __E2E_BUG_SWITCHES__?: string[];
  }
}

/** What this page carries, for `bugOn(thisPage, …)`. */
export const thisPage: CarriesBugSwitches = {
  bugSwitches: new Set(import.meta.env.VITE_TEST_HOOKS === 'on' ? parseBugSwitches(window.__E2E_BUG_SWITCHES__ ?? []) : []),
};

export { bugOn } from '../../shared/bug-switches.ts';
