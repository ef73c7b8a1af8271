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
  {
    name: '28000 no longer read as a refused login',
    story:
      'A developer drops SQLSTATE 28000 from the refused-login set because it also covers pg_hba rejections, which they consider network configuration rather than credentials.',
    blind: {
      family: 'another-way-in',
      breaks:
        'A refused login (SQLSTATE 28P01 or 28000) is named: a role that does not exist (28000, e.g. under trust or peer auth) gives health "failed" without the reason and requests 500 instead of 503.',
    },
    edits: [
      {
        file: 'app/api/src/dependencies.ts',
        find: "const LOGIN_REFUSED_SQLSTATE = new Set(['28P01', '28000']);",
        replace: `// 28000 also covers pg_hba rejections, which are network configuration, not credentials.
const LOGIN_REFUSED_SQLSTATE = new Set(['28P01']);`,
      },
    ],
  },
  {
    name: 'health stops retrying a refused login',
    story:
      "To avoid presenting rejected credentials every health poll (which fills the database log and gets the api's address banned by fail2ban), health remembers a refused login and stops asking.",
    blind: {
      family: 'second-time',
      breaks:
        'It recovers, without a restart, once the credentials match: health keeps saying "database: down, authentication failed" (503) until the process restarts.',
    },
    edits: [
      {
        file: 'app/api/src/health.ts',
        find: `export const HEALTH_CHECK_MS = 1_500;
`,
        replace: `export const HEALTH_CHECK_MS = 1_500;

// Presenting refused credentials on every poll fills the database log and trips fail2ban: once refused, stop asking.
let loginRefused = false;
`,
      },
      {
        file: 'app/api/src/health.ts',
        find: "      ask('database', deps.db.query('SELECT 1')),",
        replace: `      ask(
        'database',
        loginRefused ? Promise.reject(Object.assign(new Error('login refused earlier'), { code: '28P01' })) : deps.db.query('SELECT 1'),
      ),`,
      },
      {
        file: 'app/api/src/health.ts',
        find: "    const failed = (answer: unknown): answer is DependencyFailure => typeof answer === 'string';",
        replace: `    if (database === 'authentication failed') loginRefused = true;
    const failed = (answer: unknown): answer is DependencyFailure => typeof answer === 'string';`,
      },
    ],
  },
  {
    name: 'guard answers 401 for any verification failure',
    story:
      'A developer decides the auth guard should only ever answer 401, since non-auth errors from it surfaced to clients as confusing 5xx.',
    blind: {
      family: 'another-channel',
      breaks:
        'requests answer 503: with the database refusing the login every signed-in request answers 401, the refresh fails, and the user is signed out instead of seeing the outage.',
    },
    edits: [
      {
        file: 'app/api/src/auth/guard.ts',
        find: '      if (caller instanceof Error) throw caller;',
        replace: `      // The guard speaks auth only: whatever stopped the check, the caller is not signed in.
      if (caller instanceof Error) throw caller instanceof AuthFailure ? caller : new AuthFailure('unauthorized', 'Sign in to continue.');`,
      },
    ],
  },
  {
    name: 'migration failure wrapped with context',
    story: "To say which start-up step failed, the migrate call wraps its error in 'Migrations failed: …' with the original as cause.",
    blind: {
      family: 'another-channel',
      breaks:
        "a start-up that migrates exits in one line saying what to change: the wrapped error has no SQLSTATE, so the line no longer says DATABASE_URL must carry the database's user and password.",
    },
    edits: [
      {
        file: 'app/api/src/main.ts',
        find: '    await migrateUp(config.databaseUrl, (msg) => console.log(JSON.stringify({ level: 30, msg: `migrate: ${msg}` })));',
        replace: `    await migrateUp(config.databaseUrl, (msg) => console.log(JSON.stringify({ level: 30, msg: \`migrate: \${msg}\` }))).catch((error: Error) => {
      throw new Error(\`Migrations failed: \${error.message}\`, { cause: error });
    });`,
      },
    ],
  },
] satisfies Regression[];
