import type { Regression } from './index.ts';

export default [
  {
    name: 'the banner only for degraded',
    story: '"The banner is for what users can work around": it shows when health says degraded, not when it says not ready.',
    edits: [
      {
        file: 'app/web/src/health-banner.tsx',
        find: "if (!status || status === 'ok') return null;",
        replace: "if (status !== 'degraded') return null;",
      },
    ],
  },
  {
    name: 'the failed check keeps no reason',
    story: 'A cleanup drops the reason from checks marked unknown: "unknown says it all".',
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: 'const why = (answer: DependencyFailure) => (failed(database) ? {} : { reason: answer });',
        replace: 'const why = (_answer: DependencyFailure) => ({});',
      },
    ],
  },
  {
    name: 'a check that could not run is not fatal',
    story: '"Do not take the service out for a check that could not run": only pending migrations make health not ready.',
    edits: [
      { file: 'app/api/src/health.ts', find: "checks.migrations.status !== 'current'", replace: "checks.migrations.status === 'pending'" },
    ],
  },
  {
    name: 'any answer counts as healthy',
    story: '"The container is up if the api answers": the image healthcheck passes on any HTTP status.',
    edits: [{ file: 'app/Dockerfile', find: 'process.exit(r.ok?0:1)', replace: 'process.exit(0)' }],
    onlyIn: 'containers',
  },
  {
    name: 'unknown check results stay ready',
    story:
      "An operator argues that a bookkeeping query that errors (migrations or schema 'unknown') says nothing about the schema, so only a known pending migration or drift takes the instance out of rotation.",
    blind: {
      family: 'another-channel',
      breaks:
        'one that throws is reported by name as failed ... and health says not ready (503): a migrations or schema check that throws now gives 200 ok.',
    },
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: "      checks.database.status === 'down' || checks.migrations.status !== 'current' || checks.schema.status !== 'matches'",
        replace: `      // 'unknown' means the check itself failed, not that the schema is wrong.
      checks.database.status === 'down' || checks.migrations.status === 'pending' || checks.schema.status === 'drift'`,
      },
    ],
  },
  {
    name: 'failed check reuses its last answer',
    story:
      'To stop readiness flapping on one odd error, a check that errors out (not a dependency that is down) reports the last answer it gave.',
    blind: {
      family: 'second-time',
      breaks:
        'one that throws is reported by name as failed and health says not ready: once a check has answered once, a check that throws later reports its old good answer and health says ok.',
    },
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: `export const HEALTH_CHECK_MS = 1_500;
`,
        replace: `export const HEALTH_CHECK_MS = 1_500;

/** Each check's last answer: a check that errors out once reports it instead of flapping. */
const lastAnswer = new Map<string, unknown>();
`,
      },
      {
        file: 'app/api/src/health.ts',
        find: `      if (answer === 'timed out') request.log.warn({ check, afterMs: HEALTH_CHECK_MS }, 'health check timed out');
      return answer;`,
        replace: `      if (answer === 'timed out') request.log.warn({ check, afterMs: HEALTH_CHECK_MS }, 'health check timed out');
      // An odd error (not a dependency down) should not flip readiness: keep the last answer.
      if (answer === 'failed' && lastAnswer.has(check)) return lastAnswer.get(check) as T;
      if (typeof answer !== 'string') lastAnswer.set(check, answer);
      return answer;`,
      },
    ],
  },
  {
    name: 'banner on the dashboard only',
    story:
      "Design moves the health banner to the dashboard overview because on the jobs page it pushed the form down and duplicated the job card's own status.",
    blind: {
      family: 'another-way-in',
      breaks: 'The page shows its banner: on the jobs page (and any page but the dashboard) a not-ready health shows no banner.',
    },
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: `function ProtectedRoute({ children }: { children: ReactNode }) {
  if (!useSignedIn()) return <Navigate to="/login" replace />;`,
        replace: `function ProtectedRoute({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  if (!useSignedIn()) return <Navigate to="/login" replace />;`,
      },
      {
        file: 'app/web/src/App.tsx',
        find: `      <HealthBanner />
      {children}`,
        replace: `      {pathname === '/dashboard' && <HealthBanner />}
      {children}`,
      },
    ],
  },
  {
    name: 'container healthcheck is liveness only',
    story:
      'Following liveness-versus-readiness advice, someone makes the container healthcheck accept a 503 not-ready so a dependency blip never marks the container unhealthy.',
    blind: {
      family: 'another-channel',
      breaks: 'the container healthcheck reports unhealthy: with a check that throws, health answers 503 but the container stays healthy.',
    },
    edits: [
      { file: 'app/Dockerfile', find: '.then(r=>process.exit(r.ok?0:1),', replace: '.then(r=>process.exit(r.ok||r.status===503?0:1),' },
    ],
  },
] satisfies Regression[];
