// The faulty code paths the reference app can put back, one per documented incident.
// A switch restores the original mechanics; it never throws or breaks things on purpose.
// Only test-mode builds read switches (see web/src/bugs.ts); production builds drop them.

export const bugSwitches = {
  'stale-persisted-auth':
    'Route guards and rehydration trust the persisted isAuthenticated flag alone, which outlives the tokens it stood for.',
  'redirect-on-401-from-login':
    'The API client sends every 401 to /login with a full page load, even when the page is already /login.',
} as const;

export type BugSwitch = keyof typeof bugSwitches;

export const bugSwitchNames = Object.keys(bugSwitches) as BugSwitch[];

export function isBugSwitch(name: string): name is BugSwitch {
  return Object.hasOwn(bugSwitches, name);
}

/** Parses a list of switch names, refusing unknown ones with the list of known names. */
export function parseBugSwitches(names: readonly string[]): BugSwitch[] {
  const unknown = names.filter((name) => !isBugSwitch(name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown bug switch ${unknown.map((n) => `'${n}'`).join(', ')}. Known switches: ${bugSwitchNames.join(', ')}.`,
    );
  }
  return [...new Set(names)] as BugSwitch[];
}
