// The api's contract with a test stack, stated once for every mode: how it reaches its
// dependencies, which secrets it runs with, and what test mode changes.
import { randomBytes } from 'node:crypto';

/** The api's port inside its container, as its neighbours on the network call it. */
export const CONTAINER_API_PORT = 8080;

export interface StackSecrets {
  pgPassword: string;
  redisPassword: string;
  jwtSecret: string;
  providerKey: string;
  /** Every test-hook call carries it: test mode alone opens nothing. */
  hookSecret: string;
}

/** Fresh per stack: nothing a run uses outlives it. */
export function newStackSecrets(): StackSecrets {
  return {
    pgPassword: randomBytes(16).toString('hex'),
    redisPassword: randomBytes(16).toString('hex'),
    jwtSecret: randomBytes(32).toString('hex'),
    providerKey: `pk_${randomBytes(24).toString('hex')}`,
    hookSecret: randomBytes(24).toString('hex'),
  };
}

/** A stack's Redis configuration: a password, so a neighbour on the machine cannot read or flush it. */
export const redisConfig = (password: string) => `requirepass ${password}\n`;

export interface ApiWiring {
  port: number;
  /** Postgres and Redis as the api reaches them (a service alias in containers mode). */
  databaseUrl: string;
  redisUrl: string;
  /** The web app's origin, for CORS. */
  webOrigin: string;
  secrets: StackSecrets;
  /** Where test mode records every credential it issues, for the secret ledger. */
  issuedSecretsFile: string;
}

export function testModeApiEnvironment(wiring: ApiWiring): Record<string, string> {
  return {
    PORT: String(wiring.port),
    DATABASE_URL: wiring.databaseUrl,
    REDIS_URL: wiring.redisUrl,
    WEB_ORIGIN: wiring.webOrigin,
    JWT_SECRET: wiring.secrets.jwtSecret,
    PROVIDER_API_KEY: wiring.secrets.providerKey,
    MIGRATE_ON_START: '1',
    // An api restart hands its running jobs on within seconds, not the production 30 s.
    QUEUE_STALLED_MS: '3000',
    // Every test of a run reaches this api from one address, as thousands of users
    // behind one proxy would: the per-address budgets must not make tests throttle each
    // other. Specs that exercise rate limits set a tenant's own budget.
    RATE_LIMIT_GENERAL_MAX: '100000',
    RATE_LIMIT_SESSION_MAX: '100000',
    E2E_TEST_MODE: '1',
    E2E_ISSUED_SECRETS: wiring.issuedSecretsFile,
    E2E_HOOK_SECRET: wiring.secrets.hookSecret,
    NODE_ENV: 'test',
  };
}
