// The incident catalog: one entry per documented production failure. Specs look their
// incident up here, the `reintroduced` project turns on its bug switch and checks the
// failure against its signature, and the README table is generated from it.
import { type BugSwitch, bugSwitchNames, isBugSwitch } from '../app/shared/bug-switches.ts';
import type { InvariantId } from './invariants.ts';

/**
 * What a replay needs beyond the run's shared stack: `own-stack` when it stops, restarts
 * or alters a service (a stack of its worker's own; none against an external stack),
 * `containers` when it replays a deployment on the container network, `api-log` when it
 * reads the api's log (an external stack does not hand it over), `local-processes` when it
 * reaches the stack's services directly, as only a stack this run started allows.
 */
export type Need = 'own-stack' | 'containers' | 'api-log' | 'local-processes';

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
  /** What the fix promises in every test, not only in the replay: checked by the invariant monitors. */
  invariants?: readonly InvariantId[];
  /** Set when the replay's mechanism is not the one the report describes: how the two differ, in one line. */
  analogue?: string;
  needs?: readonly Need[];
  /**
   * How the spec must fail when the bug is back. A failure that does not match is a
   * failure of the suite: the spec caught something, but not this incident.
   */
  signature: RegExp;
  /**
   * Further switches, one mechanism of the fix each, that the spec's other tests replay
   * (a test picks one with test.use({ reintroduces })), each with its own signature.
   */
  moreSwitches?: readonly Reintroduction[];
}

/** One way the incident comes back: the switch that re-creates it, and how the spec must fail. */
export interface Reintroduction {
  bugSwitch: BugSwitch;
  signature: RegExp;
}

/** Every switch of an incident, its own first. */
export const reintroductions = (entry: Incident): Reintroduction[] => [
  { bugSwitch: entry.bugSwitch, signature: entry.signature },
  ...(entry.moreSwitches ?? []),
];

export const incidents = [
  {
    id: 'session-expiry-loop',
    source: 'session-expiry-refresh-loop.md, part 2.1',
    symptom: 'Once the session expired, the dashboard reloaded nonstop, bouncing between /login and /dashboard; the user could do nothing.',
    rootCause:
      'The persisted auth store kept isAuthenticated: true after the tokens were cleared or died. Guards trusted the flag: /login sent the user to /dashboard, whose API calls failed with 401 and sent them back.',
    fix: 'One predicate decides "signed in": the persisted flag and real tokens together. Rehydration and every route guard use it. A circuit breaker caps auth redirects whatever their cause.',
    bugSwitch: 'stale-persisted-auth',
    spec: 'tests/session-expiry-loop.spec.ts',
    signature: /redirect loop: \d+ navigations between \/dashboard and \/login/,
    moreSwitches: [
      {
        bugSwitch: 'uncapped-auth-redirects',
        // Runaway: the loop the breaker should have cut at its budget went on.
        signature: /redirect loop: \d+ navigations between \/dashboard and \/login\s+runaway: still navigating/,
      },
    ],
  },
  {
    id: 'login-401-reload-loop',
    source: 'deployment-cascade-rate-limit-cors-schema.md, section 8',
    symptom: 'The login page reloaded forever: every load checked the session, got the expected 401, and was sent to /login again.',
    rootCause:
      'The API client answered every 401 with a full-page redirect to /login, including the 401 of the session check made by the login page itself.',
    fix: 'No 401 redirect while already on /login; the login page treats 401 as "signed out" and renders the form.',
    bugSwitch: 'redirect-on-401-from-login',
    spec: 'tests/login-401-reload-loop.spec.ts',
    signature: /reload loop: \d+ document loads of \/login/,
  },
  {
    id: 'hmr-remount-auth-loss',
    source: 'logout-during-hmr-remount.md, "What Actually Happened"',
    symptom:
      'During a long generation the user was logged out: after a hot update remounted the app, requests went out without Authorization, the backend refused them, and the frontend logged out.',
    rootCause:
      'The hot update re-executed the auth module, whose in-memory copy of the tokens had been hydrated once, when the app started. The remounted pages sent their requests with that empty copy, and the 401s that followed triggered logout().',
    fix: 'Tokens are read from storage at the moment of each request, never from an in-memory copy; a hot update has nothing to lose. The guard and the client share one "signed in" predicate.',
    bugSwitch: 'token-from-unhydrated-store',
    spec: 'tests/hmr-remount-auth-loss.spec.ts',
    analogue:
      "The report's auth store (Zustand persist) lost its state in the remount, by a mechanism it does not pin down; here the tokens' in-memory copy, hydrated once at start, is re-executed empty by the hot update.",
    needs: ['own-stack'],
    signature: /unauthenticated requests: \d+ calls? to authenticated endpoints without Authorization after the hot updates/,
  },
  {
    id: 'stale-job-rehydrate',
    source: 'job-status-oscillation-stale-storage-cancel.md, fixes 1, 2 and 4',
    symptom: 'A completed job flipped back to pending in the UI, and a socket kept reconnecting for it, although the API said completed.',
    rootCause:
      'The page rehydrated an old snapshot of the job from localStorage and handed it down; the progress card applied every update it received, older or not, and the snapshot was never cleared.',
    fix: 'Every source of updates (snapshot, props, polling, socket) passes one guard: older updated_at or terminal-to-active is ignored. The snapshot leaves storage 10 s after a terminal status, and no socket opens until the server confirms the job is active.',
    bugSwitch: 'stale-job-snapshot',
    spec: 'tests/stale-job-rehydrate.spec.ts',
    invariants: ['job-card-never-older'],
    signature: /status regressed: completed → (pending|running)/,
    moreSwitches: [
      { bugSwitch: 'snapshot-never-cleared', signature: /stale snapshot kept: the finished job is still in storage/ },
      { bugSwitch: 'socket-from-snapshot', signature: /socket opened from the snapshot: \d+ for a finished job/ },
    ],
  },
  {
    id: 'rate-limit-cascade',
    source: 'deployment-cascade-rate-limit-cors-schema.md, section 7',
    symptom: 'The frontend seized: a failing operation was retried 14 times, the rate limit was hit, and even /auth/me was refused.',
    rootCause:
      'Client retries had no cap and included 429s; every retry counted against one budget shared with the session endpoints, so the session check could not complete.',
    fix: 'Retries only for server errors, at most twice with backoff, never on 401/403/429. The session endpoints have their own budget. A 429 shows its Retry-After instead of spinning, and the window passes by itself.',
    bugSwitch: 'shared-rate-budget',
    spec: 'tests/rate-limit-cascade.spec.ts',
    signature: /rate-limit cascade: \d+ session checks? refused with 429/,
    moreSwitches: [{ bugSwitch: 'retry-storm', signature: /retried within \d+ ms: no backoff/ }],
  },
  {
    id: 'cancel-on-completed',
    source: 'job-status-oscillation-stale-storage-cancel.md, symptoms and working notes',
    symptom:
      'Cancelling a job that had just completed showed "Cancelling…", then the job as cancelled, while the backend had answered 422.',
    rootCause: "On a failed cancel the UI forced the job to cancelled locally and dropped the server's message.",
    fix: "A refused cancel shows the server's message inline, then refreshes the job from the server; the status stays what the server holds.",
    bugSwitch: 'cancel-forces-local-status',
    spec: 'tests/cancel-on-completed.spec.ts',
    signature: /cancel-on-completed: the card showed cancelled after the server refused/,
  },
  {
    id: 'ws-reconnect-churn',
    source: 'job-status-oscillation-stale-storage-cancel.md, fix 3 and working notes',
    symptom:
      'The job socket failed and reconnected over and over, flooding the logs; after navigating away and back, old sockets kept reconnecting beside new ones.',
    rootCause:
      'The socket hook retried without a cap, did not know when it had closed a socket itself, and closed sockets that were still connecting, so their handlers fired after the next socket was created.',
    fix: 'At most five reconnects with backoff, then the card says it is polling; an intentional close never reconnects, and a connecting socket is closed once open.',
    bugSwitch: 'uncapped-socket-reconnect',
    spec: 'tests/ws-reconnect-churn.spec.ts',
    invariants: ['one-socket-per-job'],
    signature: /socket churn: \d+ sockets opened for one job \(cap \d+\)/,
    moreSwitches: [
      { bugSwitch: 'reconnect-after-own-close', signature: /socket churn: \d+ sockets opened for one job, \d+ after the user left/ },
      { bugSwitch: 'close-while-connecting', signature: /socket churn: a connecting socket was closed at once/ },
    ],
  },
  {
    id: 'pong-as-status',
    source: 'job-status-oscillation-stale-storage-cancel.md, symptoms and todo list',
    symptom: 'Keep-alive `pong` frames between status frames made the shown status oscillate.',
    rootCause: 'The socket handler read every frame as a status update; a pong has no status, so it became "pending".',
    fix: 'Only status frames carry status; a pong is proof that the connection lives and changes nothing.',
    bugSwitch: 'pong-as-status',
    spec: 'tests/pong-as-status.spec.ts',
    invariants: ['job-card-never-older'],
    signature: /pong-as-status: \d+ keep-alive frames changed the card/,
  },
  {
    id: 'poll-out-of-order',
    source: 'job-status-oscillation-stale-storage-cancel.md, working notes and todo list',
    symptom: 'A late polling answer put an older state of the job back on screen.',
    rootCause: 'Polling applied answers in arrival order; an answer that left the server before a newer update arrived after it.',
    fix: 'Every update is compared by updated_at; an older one is ignored, whatever its source.',
    bugSwitch: 'poll-ignores-updated-at',
    spec: 'tests/poll-out-of-order.spec.ts',
    invariants: ['job-card-never-older'],
    signature: /progress went backwards: /,
  },
  {
    id: 'render-feedback-loop',
    source: 'job-status-oscillation-stale-storage-cancel.md, symptoms and root cause analysis',
    symptom: 'React warned about maximum update depth: state bounced between the progress card and its parent.',
    rootCause: "The card sent a fresh copy of its state to the parent on every render, and took the parent's copy back as its own.",
    fix: 'The card tells the parent only when the job changed, and takes from the parent only updates that pass the guard.',
    bugSwitch: 'render-feedback-loop',
    spec: 'tests/render-feedback-loop.spec.ts',
    signature: /render loop: /,
  },
  {
    id: 'router-context-after-reorder',
    source: 'logout-during-hmr-remount.md, section 1 ("What to Watch For")',
    symptom: 'After a remount, half the pages failed with "useLocation() may be used only in the context of a <Router> component".',
    rootCause: 'The provider tree was reordered, and a component that reads the route ended up above BrowserRouter.',
    fix: 'The error boundary wraps the router, and everything that reads the route renders inside it; every page is checked.',
    bugSwitch: 'router-hook-outside-router',
    spec: 'tests/router-context-after-reorder.spec.ts',
    analogue:
      'The report traced the error to a stale Vite dependency cache (fixed by Suspense around Routes); here a component that reads the route renders above BrowserRouter.',
    signature: /router-context error on \/\w+: /,
  },
  {
    id: 'restart-logout',
    source: 'logout-during-hmr-remount.md, "What to Watch For" §2 (rapid container restarts)',
    symptom: 'Users were logged out at random during active sessions while the containers restarted.',
    rootCause: 'A session check that found the api restarting got no answer, and the app took the failure for a lost session.',
    fix: 'Only a 401 that a refresh cannot mend ends a session. A check that gets no answer is retried with backoff and then left to the next one; sessions and queued jobs live in Postgres and Redis, so a restarted api carries on with both.',
    bugSwitch: 'failed-check-signs-out',
    spec: 'tests/restart-logout.spec.ts',
    analogue:
      'The report names rapid restarts as a trigger without a mechanism; the replay assumes the commonest one, a session check that takes any failure for a lost session.',
    needs: ['own-stack'],
    signature: /restart logout: signed out while the api restarted/,
  },
  {
    id: 'cors-missing-on-error',
    source: 'deployment-cascade-rate-limit-cors-schema.md, section 5',
    symptom: 'The browser said "CORS blocked" while the real problem was a backend 500, visible only in the container logs.',
    rootCause: 'The crash was answered outside the CORS layer, so the 500 carried no CORS headers and the browser hid it.',
    fix: 'CORS wraps every answer, errors included; a 500 names its request id, which the api log also carries.',
    bugSwitch: 'errors-skip-cors',
    spec: 'tests/cors-missing-on-error.spec.ts',
    invariants: ['api-answers-carry-cors'],
    needs: ['api-log'],
    signature: /CORS hid the error: /,
  },
  {
    id: 'redirect-drops-cors',
    source: 'deployment-cascade-rate-limit-cors-schema.md, section 6',
    symptom: 'The login page failed with CORS errors on /api/auth/me.',
    rootCause: 'The frontend called /api/*, which the backend redirected to /api/v1/* with a 307 that carried no CORS headers.',
    fix: 'The client calls /api/v1 directly; the legacy redirect stays for old clients and carries CORS headers.',
    bugSwitch: 'legacy-api-redirect',
    spec: 'tests/redirect-drops-cors.spec.ts',
    invariants: ['api-answers-carry-cors'],
    signature: /legacy api base: \d+ requests/,
    moreSwitches: [{ bugSwitch: 'redirect-before-cors', signature: /redirect without CORS: the browser could not follow/ }],
  },
  {
    id: 'feed-stability',
    source: 'stuck-generations-internal-401.md, timeline (session feed refactor)',
    symptom: 'Generations disappeared from the session feed and reappeared.',
    rootCause: 'Offset pagination shifted pages as new items arrived, and rows keyed by position swapped elements.',
    fix: 'Keyset pagination on (created_at, id) and rows keyed by job id: items update in place.',
    bugSwitch: 'offset-pagination',
    spec: 'tests/feed-stability.spec.ts',
    analogue:
      'The report fixed disappearing items in a feed refactor without naming the cause; the replay uses a classic cause of that symptom, offset pagination under inserts and rows keyed by index.',
    signature: /feed unstable: \d+ duplicated, \d+ missing after loading more/,
    moreSwitches: [
      { bugSwitch: 'rows-keyed-by-index', signature: /feed unstable: \d+ rows switched jobs under their elements/ },
      { bugSwitch: 'millisecond-cursor', signature: /feed cursor lost rows: \d+ jobs? of one millisecond on neither page/ },
    ],
  },
  {
    id: 'progress-polling-403',
    source: 'logout-during-hmr-remount.md, sections 3 and 4',
    symptom:
      'Normal users got "You do not have permission to perform this action" when polling their task\'s progress and reading the settings they needed.',
    rootCause: 'An admin-only permission sat on the whole router, so it overrode the per-action permissions of its reads.',
    fix: 'Permissions per action: members read settings and poll their own jobs; only the admin writes stay admin-only. A role × endpoint matrix guards it.',
    bugSwitch: 'class-level-admin-permission',
    spec: 'tests/progress-polling-403.spec.ts',
    invariants: ['never-refused-permission'],
    signature: /authorization matrix: [\s\S]*member GET \/api\/v1\/jobs\/:id → 403/,
  },
  {
    id: 'health-host-allowlist',
    source: 'session-expiry-refresh-loop.md, part 2.2 (issues 2.2.2 and 2.2.6)',
    symptom: 'Health checks and calls between containers got 400 Bad Request from the backend.',
    rootCause:
      'The trusted-host allowlist named only the public host: not localhost, used by the container healthcheck, nor the service names used inside the network.',
    fix: 'The allowlist has two parts, public names and internal names (localhost, service aliases); anything else is still refused.',
    bugSwitch: 'allowlist-without-internal-names',
    spec: 'tests/health-host-allowlist.spec.ts',
    needs: ['containers'],
    signature: /health refused by host allowlist: GET http:\/\/(api|localhost):8080/,
  },
  {
    id: 'late-write',
    source: 'job-status-oscillation-stale-storage-cancel.md, to-do "backend fix" (pending after completion)',
    symptom: "The job endpoint could answer with an earlier status after the job had ended: the task's late write overwrote the end.",
    rootCause: "The worker wrote what the task reported whatever the job's status by then.",
    fix: 'The worker writes progress and the result only while the job runs, and a failure only while it is active: a cancel that came first stands, and the late update is dropped with a log line.',
    bugSwitch: 'late-write-wins',
    spec: 'tests/late-write.spec.ts',
    invariants: ['job-card-never-older'],
    analogue: "The report's late write set pending after completion; here the provider moves a job after the user cancelled it.",
    needs: ['api-log'],
    signature: /late write won: job [0-9a-f-]+/,
  },
  {
    id: 'status-vocabulary',
    source: 'job-status-oscillation-stale-storage-cancel.md, working notes and to-do "cancellation rules" (the 422 text)',
    symptom:
      'The backend said queued / started / processing, the frontend knew pending / running: active jobs showed the wrong state and were refused cancel.',
    rootCause:
      'Two parts of the system spoke different status vocabularies, and the one that read the other took a word it did not know for something else.',
    fix: "The app's jobs speak one vocabulary, typed once in app/shared/api-types.ts. The provider's words meet it in one place, the worker: only succeeded and failed end a job; any other word (queued, started, processing) means the generation is under way, so the job stays running and cancellable.",
    bugSwitch: 'provider-word-ends-job',
    spec: 'tests/status-vocabulary.spec.ts',
    analogue:
      "The report's backend and frontend disagreed; here the api and the web app share one typed vocabulary, so the foreign words are the generation provider's, read by the worker.",
    signature: /provider word misread: the worker stopped following job [0-9a-f-]+ once the provider said (queued|started)/,
  },
  {
    id: 'schema-drift',
    source: 'deployment-cascade-rate-limit-cors-schema.md, sections 1-4',
    symptom: 'One deployment after another failed with "column ... does not exist" and "relation ... does not exist" at request time.',
    rootCause: 'The code expected columns and tables that no migration created, and nothing compared the two before requests did.',
    fix: 'The schema the code needs is declared once; health compares it with the database and names what is missing, schema errors answer 503 with the reason, and a test checks that migrations from empty produce exactly the declared schema.',
    bugSwitch: 'unchecked-schema',
    spec: 'tests/schema-drift.spec.ts',
    invariants: ['health-status-matches-body'],
    needs: ['own-stack'],
    signature: /schema drift unnoticed: health answered 200 ok while generation_settings\.max_prompt_length is missing/,
  },
  {
    id: 'migration-not-applied',
    source: 'deployment-cascade-rate-limit-cors-schema.md, "Recommended Clean Rebuild Procedure" step 7 and the prevention checklist',
    symptom:
      'The new images shipped their migrations, but nobody ran them: requests failed against the old schema until `alembic upgrade head`.',
    rootCause:
      'Nothing compared the migrations the code ships with the ones the database has applied, and work that needed them was accepted anyway.',
    fix: 'Health lists pending migrations by name (not ready); creating a job, whose worker writes what they add, answers 503 naming them instead of failing halfway after the provider was paid; the page shows its banner. Applying them recovers at once, without a restart.',
    bugSwitch: 'pending-migrations-ignored',
    spec: 'tests/migration-not-applied.spec.ts',
    invariants: ['health-status-matches-body'],
    needs: ['own-stack'],
    signature: /migration not applied unnoticed: health did not name \d+_\w+ pending/,
  },
  {
    id: 'missing-table',
    source: 'deployment-cascade-rate-limit-cors-schema.md, section 3',
    symptom:
      'Requests failed with \'relation "schedule_runs_version" does not exist\': a migration had named the table schedule_run_version.',
    rootCause: 'The code expected a table under a name the database did not have, and nothing looked for the table before a query did.',
    fix: 'Health names a table the code needs that the database lacks, not only missing columns of tables it has; "relation does not exist" answers 503 with the reason, like a missing column.',
    bugSwitch: 'absent-table-unchecked',
    spec: 'tests/missing-table.spec.ts',
    invariants: ['health-status-matches-body'],
    needs: ['own-stack'],
    signature: /missing table unnoticed: health answered 200 ok while generation_settings is missing/,
  },
  {
    id: 'stuck-after-internal-401',
    source: 'stuck-generations-internal-401.md',
    symptom: 'Generations stayed "processing" for 3 to 22 minutes and never completed; the feed filled with phantoms users had to dismiss.',
    rootCause:
      'The background trigger was refused with 401 (the internal secret was missing); the refusal was only logged, and nothing noticed jobs that stopped moving.',
    fix: 'A refused trigger fails its job with a visible reason, without retries; a job with no update for 2 minutes is stopped as stuck; finished jobs can be dismissed, and the rows stay.',
    bugSwitch: 'stuck-after-internal-401',
    spec: 'tests/stuck-after-internal-401.spec.ts',
    analogue:
      "The report's internal HTTP trigger between serverless functions was refused for a missing secret; here the worker's call to the generation provider is refused with 401.",
    needs: ['api-log'],
    signature: /stuck after an internal 401: job [0-9a-f-]+ still active/,
  },
  {
    id: 'expiry-before-follow-up',
    source: 'stuck-generations-internal-401.md, issue B (the session might expire between generation creation and process trigger)',
    symptom:
      "The frontend's follow-up call after creating a generation was refused with 401 Unauthorized and retried with the same credentials.",
    rootCause:
      'The follow-up treated an expired session as a failure like any other: it sent the dead credentials again instead of renewing them.',
    fix: "The job's live socket reads the api's 4401 as a 401: it renews the session once, through the client's one shared refresh, and reconnects at once; a refresh that fails signs the user out as any 401 would.",
    bugSwitch: 'socket-ignores-expiry',
    spec: 'tests/expiry-before-follow-up.spec.ts',
    analogue:
      "The report's follow-up was an HTTP trigger with cookie auth; here it is the job's live socket, reconnecting after a dropped connection with an access token that expired meanwhile.",
    signature: /expiry unrenewed: the socket of job [0-9a-f-]+ did not come back live after the api refused its expired token/,
  },
  {
    id: 'secret-fragment-in-log',
    source: 'stuck-generations-internal-401.md, "Evidence & Logs" (the auth check\'s log line)',
    symptom: 'The server logs carried the internal secret, cut short, and the report quoted them.',
    rootCause:
      'Debug logging of the auth check printed the secret it expected, to tell which one was set; a secret cut short is not the value, so a scan for whole values passes it.',
    fix: "Logs name a key by its fingerprint (sha256), never by any part of it. Every own-stack test's api log, and the run's shared one, is searched for any 8 characters of a stack secret.",
    bugSwitch: 'key-prefix-in-log',
    spec: 'tests/secret-fragment-in-log.spec.ts',
    analogue:
      "The report's log line printed the internal secret its process endpoint expected; here the worker's log of a refused provider key names that key.",
    needs: ['own-stack', 'api-log'],
    signature:
      /secret fragment in the api log of this test: 8 or more characters of a stack secret[\s\S]*generation refused: provider credentials: \d+ characters/,
  },
  {
    id: 'double-trigger',
    source: 'stuck-generations-internal-401.md, "Why It\'s Random", item 3 (simultaneous triggers)',
    symptom: 'The same generation was triggered twice and ran twice.',
    rootCause: 'Each trigger started a provider generation, and nothing recorded that one had already started for the job.',
    fix: 'The job row records the generation it follows; a run of the same job that comes again resumes that generation instead of starting another.',
    bugSwitch: 'trigger-every-run',
    spec: 'tests/double-trigger.spec.ts',
    analogue:
      "The report's two triggers, the server's internal call and the frontend's fallback, could fire at once; here the queue runs a job again after its lock lapsed in a Redis stall, while the first run still works.",
    needs: ['own-stack', 'api-log'],
    signature: /double trigger: \d+ provider generations for one job/,
  },
  {
    id: 'health-check-crash',
    source: 'session-expiry-refresh-loop.md, issue 2.2.8 (ImportError in /api/health)',
    symptom: '/api/health answered 500 Internal Server Error: it named nothing, and the service looked dead.',
    rootCause: 'An error inside the health endpoint itself escaped it, so health crashed instead of reporting.',
    fix: 'Each check runs on its own, guarded: one that throws is reported by name as failed, the others still answer, and health says not ready (503). The page shows its banner, and the container healthcheck reports unhealthy.',
    bugSwitch: 'health-check-unguarded',
    spec: 'tests/health-check-crash.spec.ts',
    invariants: ['health-status-matches-body'],
    analogue:
      "The report's health crashed on an import error in its own module; here one of its checks throws, on a migrations table it cannot read.",
    needs: ['own-stack'],
    signature: /health crashed: \d+ with no report, on a check that throws/,
  },
  {
    id: 'database-login-refused',
    source: 'session-expiry-refresh-loop.md, issue 2.2.4 (database credential mismatch)',
    symptom:
      'New containers logged in to the database as a user the existing volume did not have; the backend could not reach its data, and nothing said why.',
    rootCause:
      'The database keeps the credentials it was created with; the deployment brought others, and a refused login read as any other failure.',
    fix: 'A refused login (SQLSTATE 28P01 or 28000) is named: health says "database: down, authentication failed", requests answer 503, the page shows its banner, and a start-up that migrates exits in one line saying what to change. It recovers, without a restart, once the credentials match.',
    bugSwitch: 'database-login-unnamed',
    spec: 'tests/database-login-refused.spec.ts',
    invariants: ['health-status-matches-body'],
    analogue:
      "The report's volume had another user; the running replay changes the password under the api (its start-up step uses the report's user).",
    needs: ['own-stack'],
    signature: /database login refused, unnamed by health/,
  },
  {
    id: 'dependency-outage',
    source: 'session-expiry-refresh-loop.md, parts 2.2 and 2.6 (health checks), extrapolated',
    symptom: 'With a dependency gone, health still said ok or failed outright, and the app hung or failed without saying why.',
    rootCause: 'Health only proved the process answered, and requests waited on a dependency with no deadline.',
    fix: 'Health names each dependency (Redis down: degraded; Postgres down: not ready); the page shows a banner; job creation gives up on the queue after 2 s with a clear message; everything reconnects on its own.',
    bugSwitch: 'outage-unnoticed',
    spec: 'tests/dependency-outage.spec.ts',
    invariants: ['health-status-matches-body'],
    analogue:
      'Extrapolated: the report shows health answering 500 on an import error, then a healthy check; the replay stops Postgres and Redis outright.',
    needs: ['own-stack'],
    signature: /outage unnoticed: health answered 200 ok with Redis stopped/,
  },
  {
    id: 'unreachable-api-origin',
    source: 'session-expiry-refresh-loop.md, issue 2.2.5 (nginx upstream name mismatch)',
    symptom: "The frontend's proxy named an api host that did not exist: the site was down, and nothing told the user why.",
    rootCause: 'The web tier pointed at an api origin where nothing answered, and nothing in between said so.',
    fix: 'A sign-in that gets no answer says at once "Could not reach the service. Check your connection and try again.", is not retried behind the user, keeps the form, and works, without a reload, once the api answers at that origin.',
    bugSwitch: 'sign-in-waits-for-the-api',
    spec: 'tests/unreachable-api-origin.spec.ts',
    analogue:
      "The report's nginx crash-looped on a name it could not resolve; the replay serves the web app with an api origin on loopback where nothing listens, since the run talks to nothing else.",
    needs: ['local-processes'],
    signature: /sign-in waited, silent, for an unreachable api/,
  },
  {
    id: 'strict-mode-double-effects',
    source:
      'deployment-cascade-rate-limit-cors-schema.md, changes 5 ("Disabled React StrictMode temporarily for debugging") and technical debt 3 (the auth loop\'s root cause: React StrictMode behavior)',
    symptom:
      'An auth loop kept sending the user to /login; the team turned StrictMode off to debug it, and named its behavior as a suspected root cause.',
    rootCause:
      'StrictMode runs every mount effect twice in development. An effect that made an auth call of its own made it twice, and with refresh tokens that are good once, the second call ended the sign-in.',
    fix: 'No mount effect makes an auth call: the session check is a query (one per key, however often it mounts), and a token is renewed only when refused, through the one shared refresh.',
    bugSwitch: 'refresh-on-mount',
    spec: 'tests/strict-mode-double-effects.spec.ts',
    analogue:
      'The report names StrictMode as a suspect and does not pin down the effect; here it is a renewal of the session in a mount effect, the common way StrictMode doubles an auth call.',
    needs: ['own-stack'],
    signature: /doubled auth calls: StrictMode's second run of the mount effects/,
  },
] as const satisfies readonly Incident[];

export type IncidentId = (typeof incidents)[number]['id'];

export function incident(id: IncidentId): Incident {
  const found = incidents.find((entry) => entry.id === id);
  if (!found) throw new Error(`No incident '${id}' in catalog/incidents.ts`);
  return found;
}

/**
 * E2E_BUGS, for trying a bug by hand: comma-separated switch names or incident ids (an
 * incident id turns on all its switches). Unknown names are refused with the known ones.
 */
export function bugSwitchesFromEnv(raw = process.env.E2E_BUGS ?? ''): BugSwitch[] {
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !isBugSwitch(name) && !incidents.some((entry) => entry.id === name));
  if (unknown.length > 0) {
    throw new Error(
      `E2E_BUGS: unknown bug switch or incident ${unknown.map((n) => `'${n}'`).join(', ')}. ` +
        `Use incident ids (${incidents.map((entry) => entry.id).join(', ')}) or switch names (${bugSwitchNames.join(', ')}).`,
    );
  }
  return [
    ...new Set(
      names.flatMap((name) => (isBugSwitch(name) ? [name] : reintroductions(incident(name as IncidentId)).map((r) => r.bugSwitch))),
    ),
  ];
}
