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
] satisfies Regression[];
