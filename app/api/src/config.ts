// The api's whole configuration, read once from the environment and checked up front,
// so a bad value stops start-up with a message instead of failing a request later.

export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  /** Origins of the web app allowed by CORS. */
  webOrigins: string[];
  /** Host names the public reaches this api by; any other Host header is refused. */
  allowedHosts: string[];
  /** Names used inside the deployment: localhost for the container's own healthcheck, service aliases for its neighbours. */
  internalHosts: string[];
  jwtSecret: Uint8Array;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** A sign-in's absolute lifetime: its rotations never carry it past this. */
  sessionMaxSeconds: number;
  migrateOnStart: boolean;
  /** The external generation provider. In test mode MSW answers it inside this process. */
  providerUrl: string;
  providerApiKey: string;
  rateLimitWindowMs: number;
  rateLimitGeneralMax: number;
  rateLimitSessionMax: number;
  /** Failed sign-ins an account may have per window before its sign-ins are refused until the window ends. */
  loginMaxFailures: number;
  loginWindowMs: number;
  /** How often a job socket gets a keep-alive `pong` frame. */
  wsKeepaliveMs: number;
  /** How long a dead worker's job stays locked before another worker takes it over (BullMQ lock and stalled check). */
  queueStalledMs: number;
  /** A job with no update for this long is failed as stuck (the incident's UI said "Stuck" after 2 minutes). */
  stuckAfterMs: number;
  /** Mounts /api/v1/__test__ and honours per-tenant clocks: E2E_TEST_MODE=1 and NODE_ENV=test, nothing else. */
  testMode: boolean;
  /** Test mode: every /api/v1/__test__ call carries it in the x-e2e-hook-secret header. */
  hookSecret?: string;
  /** Test mode: where every issued credential is recorded for the suite's secret scrubbing. */
  issuedSecretsFile?: string;
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name];
    if (!value) problems.push(`${name} is required`);
    return value ?? '';
  };
  const integer = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive integer, got '${raw}'`);
    return value;
  };

  const secret = required('JWT_SECRET');
  if (secret && secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  // Test mode is asked for twice, so a staging deployment that copies one variable does not
  // open hooks that read every issued password; and every hook call carries a secret.
  const testMode = env.E2E_TEST_MODE === '1';
  if (testMode && env.NODE_ENV !== 'test') {
    problems.push(
      `E2E_TEST_MODE=1 is refused unless NODE_ENV=test (it is ${env.NODE_ENV ? `'${env.NODE_ENV}'` : 'unset'}): test hooks never run in a deployment that did not ask for them twice`,
    );
  }
  const hookSecret = testMode ? required('E2E_HOOK_SECRET') : undefined;
  if (hookSecret && hookSecret.length < 32) problems.push('E2E_HOOK_SECRET must be at least 32 characters');

  const config: ApiConfig = {
    port: integer('PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: required('DATABASE_URL'),
    redisUrl: required('REDIS_URL'),
    webOrigins: list(required('WEB_ORIGIN')),
    allowedHosts: list(env.ALLOWED_HOSTS ?? '127.0.0.1'),
    internalHosts: list(env.INTERNAL_HOSTS ?? 'localhost'),
    jwtSecret: new TextEncoder().encode(secret),
    accessTtlSeconds: integer('ACCESS_TOKEN_TTL_SECONDS', 15 * 60),
    refreshTtlSeconds: integer('REFRESH_TOKEN_TTL_SECONDS', 7 * 24 * 60 * 60),
    sessionMaxSeconds: integer('SESSION_MAX_SECONDS', 30 * 24 * 60 * 60),
    migrateOnStart: env.MIGRATE_ON_START === '1',
    // Test mode never reaches a real provider: the stand-in answers this made-up origin.
    providerUrl: testMode ? (env.PROVIDER_URL ?? 'https://provider.stand-in.test') : required('PROVIDER_URL'),
    providerApiKey: testMode ? (env.PROVIDER_API_KEY ?? 'stand-in-key') : required('PROVIDER_API_KEY'),
    rateLimitWindowMs: integer('RATE_LIMIT_WINDOW_MS', 60_000),
    rateLimitGeneralMax: integer('RATE_LIMIT_GENERAL_MAX', 300),
    rateLimitSessionMax: integer('RATE_LIMIT_SESSION_MAX', 120),
    loginMaxFailures: integer('LOGIN_MAX_FAILURES', 10),
    loginWindowMs: integer('LOGIN_WINDOW_MS', 15 * 60_000),
    wsKeepaliveMs: integer('WS_KEEPALIVE_MS', 10_000),
    queueStalledMs: integer('QUEUE_STALLED_MS', 30_000),
    stuckAfterMs: integer('STUCK_AFTER_MS', 2 * 60_000),
    testMode,
    issuedSecretsFile: testMode ? env.E2E_ISSUED_SECRETS : undefined,
    hookSecret,
  };
  if (problems.length === 1) throw new Error(`Invalid api configuration: ${problems[0]}`);
  if (problems.length > 1) throw new Error(`Invalid api configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
