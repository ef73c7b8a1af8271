// The faulty code paths the reference app can put back, one per documented incident.
// A switch restores the original mechanics; it never throws or breaks things on purpose.
// Only test-mode builds read switches (see web/src/bugs.ts); production builds drop them.

export const bugSwitches = {
  'stale-persisted-auth':
    'Route guards and rehydration trust the persisted isAuthenticated flag alone, which outlives the tokens it stood for.',
  'uncapped-auth-redirects':
    'The circuit breaker on auth redirects is gone: a redirect loop from any cause bounces between /login and /dashboard for as long as the cause lasts.',
  'redirect-on-401-from-login': 'The API client sends every 401 to /login with a full page load, even when the page is already /login.',
  'token-from-unhydrated-store':
    'Requests take the tokens from an in-memory copy, hydrated once when the root first renders; a hot update that re-executes the auth module leaves it empty, and the 401 that follows signs the user out.',
  'stale-job-snapshot':
    'The progress card applies every update it is handed (persisted snapshot, props, polling, socket) without comparing updated_at or refusing terminal-to-active.',
  'snapshot-never-cleared': 'The persisted job snapshot stays in localStorage after the job ends, to resurface on a later visit.',
  'socket-from-snapshot':
    'The card opens a socket for whatever status the persisted snapshot claims, before the server confirmed the job is active.',
  'shared-rate-budget': 'The rate limiter counts the session endpoints against the general budget.',
  'retry-storm': 'The client retries every failure 14 times, 100 ms apart, 429 included.',
  'cancel-forces-local-status':
    'When the server refuses a cancel, the card forces the job to cancelled locally and drops the server message.',
  'uncapped-socket-reconnect': 'The socket hook reconnects forever, 250 ms apart, however often the server closes it.',
  'reconnect-after-own-close': 'The socket hook does not know when it closed the socket itself: leaving the page reconnects it.',
  'close-while-connecting':
    'Leaving the page closes a socket that is still connecting at once, which the browser reports as "closed before the connection is established".',
  'late-write-wins':
    "The worker writes what the provider says whatever the job's status by then: a generation that goes on after the user cancelled overwrites the cancel with its progress, its result or its failure.",
  'provider-word-ends-job':
    "The worker knows one provider word for a generation under way, processing: queued or started reads as the generation's end, and the job fails while the provider still works on it.",
  'refresh-on-mount':
    'The app renews the session as it starts, from a mount effect, with a refresh call of its own: StrictMode runs the effect twice, the second call presents the refresh token the first just spent, and the api ends the sign-in.',
  'socket-ignores-expiry':
    "The job socket treats the api's 4401 (sign in again) as any failure: it sends the expired access token again on its backoff until it gives up on live updates, and never renews the session.",
  'pong-as-status': 'Every socket frame is read as a status update; a keep-alive pong, which has no status, becomes "pending".',
  'poll-ignores-updated-at': 'Polling applies each answer in arrival order, without comparing updated_at.',
  'render-feedback-loop':
    "The progress card echoes a fresh copy of its state to the parent on every render and takes the parent's copy back as its own.",
  'router-hook-outside-router': 'After the provider tree was reordered, a component that reads the route renders above BrowserRouter.',
  'failed-check-signs-out':
    'The session check takes any failure for a lost session and signs the user out: a check that found the api restarting ends the sign-in.',
  'errors-skip-cors':
    'A crash is answered by an error path outside the CORS layer: the 500 reaches the browser without Access-Control-Allow-Origin, and the page sees a network error instead of the message.',
  'legacy-api-redirect': 'The client calls the legacy /api base, so every request of the page goes through the redirect to /api/v1.',
  'redirect-before-cors': 'The redirect of legacy /api paths to /api/v1 is answered in front of the CORS layer, without its headers.',
  'offset-pagination':
    'The feed pages with OFFSET: new jobs shift every page under the reader, so loading more repeats some and skips none or others.',
  'rows-keyed-by-index': 'The feed keys its rows by position: when new jobs arrive on top, every row element is reused for another job.',
  'millisecond-cursor':
    'The feed cursor carries created_at to the millisecond, though the column holds microseconds: a job in the same millisecond as the last of a page, and just before it, is on neither page.',
  'allowlist-without-internal-names':
    'The host allowlist names only the public host: health checks by localhost or by container alias are refused with 400.',
  'unchecked-schema':
    'Nothing compares the database with the code: health says ok with a column missing, and the first query that needs it is a 500.',
  'pending-migrations-ignored':
    'Health reads the migrations the database has applied, never the ones the code ships: a migration that was never run goes unnamed.',
  'absent-table-unchecked':
    'Health compares the columns of the tables it finds: a table that is not there, misnamed say, is not missed, and health says ok until the first query that needs it.',
  'stuck-after-internal-401':
    'When the provider refuses our credentials the worker only logs it, and nothing ever stops a job that stopped moving: it shows as running forever.',
  'key-prefix-in-log':
    "The worker's log of a refused provider key names the key by its first 12 characters: a secret cut short, which a scan for whole values does not see.",
  'health-check-unguarded':
    'A health check that throws is not caught: health crashes, the error handler answers with no report, and the page, which reads the report, shows no banner.',
  'trigger-every-run':
    'Every run of a queued job starts a new provider generation: when the queue runs a job again after its lock lapsed, the provider generates, and bills, twice.',
  'database-login-unnamed':
    'A refused database login is not told apart from a failed request: health says the database failed, not why, and requests that need it are 500s.',
  'outage-unnoticed':
    'Health answers ok whenever the process is up, and job creation waits on the queue with no deadline while Redis is down.',
  'sign-in-waits-for-the-api':
    'Sign-in that gets no answer sends itself again every second until the api answers: the form stays busy and says nothing while the api is unreachable.',
  'class-level-admin-permission':
    'The admin-only check sits on the whole generation router, so members get 403 on reading settings and on polling their own job.',
} as const;

export type BugSwitch = keyof typeof bugSwitches;

/** Test mode: how a browser context tells the api which switches its requests carry. */
export const BUG_SWITCHES_HEADER = 'x-e2e-bug-switches';

/** The header that carries `switches`, or none when there are none. */
export const bugSwitchesHeader = (switches: readonly BugSwitch[]): Record<string, string> =>
  switches.length > 0 ? { [BUG_SWITCHES_HEADER]: switches.join(',') } : {};

/** Whatever carries a test's switches: a request, a queued job's message, the page. */
export interface CarriesBugSwitches {
  bugSwitches?: ReadonlySet<BugSwitch> | readonly BugSwitch[] | null;
}

/** The one way the app asks whether a switch is on. Outside test mode nothing carries any. */
export const bugOn = ({ bugSwitches }: CarriesBugSwitches, name: BugSwitch): boolean =>
  bugSwitches instanceof Set ? bugSwitches.has(name) : ((bugSwitches as readonly BugSwitch[] | null | undefined)?.includes(name) ?? false);

export const bugSwitchNames = Object.keys(bugSwitches) as BugSwitch[];

export function isBugSwitch(name: string): name is BugSwitch {
  return Object.hasOwn(bugSwitches, name);
}

/** Parses a list of switch names, refusing unknown ones with the list of known names. */
export function parseBugSwitches(names: readonly string[]): BugSwitch[] {
  const unknown = names.filter((name) => !isBugSwitch(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown bug switch ${unknown.map((n) => `'${n}'`).join(', ')}. Known switches: ${bugSwitchNames.join(', ')}.`);
  }
  return [...new Set(names)] as BugSwitch[];
}
