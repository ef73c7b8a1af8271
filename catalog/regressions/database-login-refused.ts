import type { Regression } from './index.ts';

export default [
  {
    name: 'a refused login called unreachable',
    story:
      'Health keeps to its first words: a refused login is "unreachable", like any connection that failed, and nobody looks at the password.',
    edits: [
      {
        file: 'app/api/src/dependencies.ts',
        find: "LOGIN_REFUSED_SQLSTATE.has(code)) return 'authentication failed';",
        replace: "LOGIN_REFUSED_SQLSTATE.has(code)) return 'unreachable';",
      },
    ],
  },
  {
    name: 'a refused login answered as a bug',
    story: '"Wrong credentials are a configuration error, not an outage": only hung or unreachable dependencies answer 503.',
    edits: [
      {
        file: 'app/api/src/dependencies.ts',
        find: '  dependencyFailure(error, options) !== undefined;',
        replace: "  ['timed out', 'unreachable'].includes(dependencyFailure(error, options) ?? '');",
      },
    ],
  },
  {
    name: 'start-up failure logged as JSON',
    story: "Start-up failures go out as JSON like every other log line, with the driver's words.",
    edits: [
      {
        file: 'app/api/src/main.ts',
        find: `  console.error(
    dependencyFailure(error) === 'authentication failed'
      ? \`The database refused the api's login (\${message}): DATABASE_URL must carry the user and password the database was created with.\`
      : message,
  );`,
        replace: "  console.error(JSON.stringify({ level: 60, msg: 'start-up failed', err: message }));",
      },
    ],
  },
  {
    name: 'exit on a refused login',
    story: '"Fail fast, let the orchestrator restart it": the api exits when the database refuses its login.',
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: "      if (answer === 'timed out') request.log.warn({ check, afterMs: HEALTH_CHECK_MS }, 'health check timed out');",
        replace: `      if (answer === 'timed out') request.log.warn({ check, afterMs: HEALTH_CHECK_MS }, 'health check timed out');
      if (answer === 'authentication failed') {
        request.log.fatal({ check }, 'the database refused our login: exiting, for a restart');
        process.exit(1);
      }`,
      },
    ],
  },
  {
    name: 'start-up failure ends the process by itself',
    story: '"Nothing is open yet when start-up fails; the process ends on its own": the explicit exit goes, and the api ends with 0.',
    edits: [
      {
        file: 'app/api/src/main.ts',
        find: `      : message,
  );
  process.exit(1);`,
        replace: `      : message,
  );`,
      },
    ],
  },
  {
    name: 'health polling stops while not ok',
    story: '"Spare a sick server": the banner stops asking for health once it is not ok, so it stays up after the server recovers.',
    edits: [
      {
        file: 'app/web/src/health-banner.tsx',
        find: 'refetchInterval: HEALTH_POLL_MS,',
        replace: "refetchInterval: (query) => (query.state.data?.status === 'not_ready' ? false : HEALTH_POLL_MS),",
      },
    ],
  },
] satisfies Regression[];
