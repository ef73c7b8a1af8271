// Reads the bug switches the suite planted for this page. Only builds made with
// VITE_TEST_HOOKS=on read them; in any other build this is a constant empty set and the
// reader is dropped by the bundler.
import { type BugSwitch, parseBugSwitches } from '../../shared/bug-switches.ts';

declare global {
  interface Window {
    __E2E_BUG_SWITCHES__?: string[];
  }
}

const active: ReadonlySet<BugSwitch> = new Set(
  import.meta.env.VITE_TEST_HOOKS === 'on' ? parseBugSwitches(window.__E2E_BUG_SWITCHES__ ?? []) : [],
);

export const bugOn = (name: BugSwitch): boolean => active.has(name);
