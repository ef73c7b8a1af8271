// Postgres and Redis, each with a deadline on everything. A stopped service refuses at
// once, but a paused or partitioned one accepts and never answers: without these bounds
// every request, health included, would hang with it.
import { Redis } from 'ioredis';
import pg from 'pg';

/** A new connection, or a free one from a full pool, within this. */
export const DB_CONNECT_TIMEOUT_MS = 2_000;
/** Postgres cancels a statement after this; the client gives up a little later. */
export const DB_STATEMENT_TIMEOUT_MS = 3_000;
export const DB_QUERY_TIMEOUT_MS = 4_000;
/** Commands on the shared connection; BullMQ and the live updates keep their own, unbounded ones. */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;

export function connectDatabase(databaseUrl: string): pg.Pool {
  const db = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: DB_CONNECT_TIMEOUT_MS,
    statement_timeout: DB_STATEMENT_TIMEOUT_MS,
    query_timeout: DB_QUERY_TIMEOUT_MS,
    keepAlive: true,
    // Named in pg_stat_activity, so an operator (or a test) can tell the api's sessions apart.
    application_name: 'api',
  });
  // An idle client whose server went away emits 'error'; unhandled, it would end the process.
  db.on('error', (error) => console.error(JSON.stringify({ level: 40, msg: 'idle database client lost', err: error.message })));
  return db;
}

export function connectRedis(redisUrl: string): Redis {
  // Fail fast while Redis is down instead of queueing: health must answer, not hang.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: REDIS_COMMAND_TIMEOUT_MS });
  redis.on('error', () => {}); // reported through health; ioredis keeps reconnecting
  return redis;
}

// Postgres's own answers carry a SQLSTATE; these classes mean "not now", not "wrong query":
// connection exceptions, shutdown or start-up. 57014 is a statement cancelled at its timeout.
const UNREACHABLE_SQLSTATE = /^(08...|57P0[1-3])$/;
// The server refused our login: the credentials in DATABASE_URL are not the database's.
const LOGIN_REFUSED_SQLSTATE = new Set(['28P01', '28000']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
// The drivers' own words for a dependency that did not answer in time (pg, pg-pool, ioredis), or went away.
const TIMED_OUT =
  /^(Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout|Command timed out)/;
const GONE = /^(Connection terminated|Connection is closed|Stream isn't writeable)/;

/**
 * How a dependency failed, when an error says it is hung, unreachable or refusing our login
 * rather than that the request was wrong. Bug 'database-login-unnamed' (`loginUnnamed`): the
 * original knew no refused login, so it read as a failure of the request itself.
 */
export function dependencyFailure(
  error: unknown,
  { loginUnnamed = false } = {},
): 'timed out' | 'unreachable' | 'authentication failed' | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (!loginUnnamed && typeof code === 'string' && LOGIN_REFUSED_SQLSTATE.has(code)) return 'authentication failed';
  if (code === '57014' || TIMED_OUT.test(text)) return 'timed out';
  if (typeof code === 'string' && (UNREACHABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code))) return 'unreachable';
  if (name === 'MaxRetriesPerRequestError' || GONE.test(text)) return 'unreachable';
  return undefined;
}

export const isDependencyUnavailable = (error: unknown, options?: { loginUnnamed?: boolean }) =>
  dependencyFailure(error, options) !== undefined;

/** Settles with the check's answer, or with 'timed out' after ms, whatever the check does. */
export function within<T>(ms: number, check: Promise<T>): Promise<T | 'timed out'> {
  check.catch(() => {}); // a late failure is nobody's business once the deadline answered
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  return Promise.race([check, deadline]).finally(() => clearTimeout(timer));
}
