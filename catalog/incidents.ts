// The incident catalog: one entry per documented production failure. Specs look their
// incident up here, the `reintroduced` project turns on its bug switch and checks the
// failure against its signature, and the README table is generated from it.
import type { BugSwitch } from '../app/shared/bug-switches.ts';

export interface Incident {
  /** Stable id; the spec's describe title and the README row use it. */
  id: string;
  /** Which report in shared/incidents, and where in it. */
  source: string;
  symptom: string;
  rootCause: string;
  fix: string;
  /** The switch that puts the original faulty code path back. */
  bugSwitch: BugSwitch;
  /** Spec file, relative to the repository root. */
  spec: string;
  /**
   * How the spec must fail when the bug is back. A failure that does not match is a
   * failure of the suite: the spec caught something, but not this incident.
   */
  signature: RegExp;
}

export const incidents = [
  {
    id: 'session-expiry-loop',
    source: 'session-expiry-refresh-loop.md, part 2.1',
    symptom:
      'Once the session expired, the dashboard reloaded nonstop, bouncing between /login and /dashboard; the user could do nothing.',
    rootCause:
      'The persisted auth store kept isAuthenticated: true after the tokens were cleared or died. Guards trusted the flag: /login sent the user to /dashboard, whose API calls failed with 401 and sent them back.',
    fix:
      'One predicate decides "signed in": the persisted flag and real tokens together. Rehydration and every route guard use it. A circuit breaker caps auth redirects whatever their cause.',
    bugSwitch: 'stale-persisted-auth',
    spec: 'tests/session-expiry-loop.spec.ts',
    signature: /redirect loop: \d+ navigations between \/dashboard and \/login/,
  },
  {
    id: 'login-401-reload-loop',
    source: 'deployment-cascade-rate-limit-cors-schema.md, section 8',
    symptom:
      'The login page reloaded forever: every load checked the session, got the expected 401, and was sent to /login again.',
    rootCause:
      'The API client answered every 401 with a full-page redirect to /login, including the 401 of the session check made by the login page itself.',
    fix: 'No 401 redirect while already on /login; the login page treats 401 as "signed out" and renders the form.',
    bugSwitch: 'redirect-on-401-from-login',
    spec: 'tests/login-401-reload-loop.spec.ts',
    signature: /reload loop: \d+ document loads of \/login/,
  },
] as const satisfies readonly Incident[];

export type IncidentId = (typeof incidents)[number]['id'];

export function incident(id: IncidentId): Incident {
  const found = incidents.find((entry) => entry.id === id);
  if (!found) throw new Error(`No incident '${id}' in catalog/incidents.ts`);
  return found;
}
