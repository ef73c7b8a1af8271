// Access tokens (short-lived JWTs) and refresh sessions (rows in Postgres). The access
// token names its session (sid), so revoking the session ends both halves at once.
// Refresh tokens rotate: each is good once. The sessions rotated from one sign-in form a
// family that ends at a fixed time, and ends at once if a rotated token comes back.
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, decodeJwt, errors, jwtVerify } from 'jose';
import type pg from 'pg';
import type { ApiErrorCode, TokenPair, User } from '../../../shared/api-types.ts';
import { ApiFailure } from '../api-failure.ts';
import type { Clock } from '../clock.ts';
import type { IssuedSecrets } from '../issued-secrets.ts';
import type { LoginThrottle } from './login-throttle.ts';

export interface SessionDeps {
  db: pg.Pool;
  clock: Clock;
  jwtSecret: Uint8Array;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  sessionMaxSeconds: number;
  log: { warn(obj: object, msg: string): void };
  /** Counts failed sign-ins per account; without it, sign-ins are never throttled. */
  loginThrottle?: LoginThrottle;
  /** Test mode: told every token pair issued (see issued-secrets.ts). */
  issued?: IssuedSecrets;
}

type AuthErrorCode = Extract<
  ApiErrorCode,
  'invalid_credentials' | 'unauthorized' | 'token_expired' | 'session_expired' | 'session_revoked'
>;

/** Every auth failure answers 401; the code tells the client which one. */
export class AuthFailure extends ApiFailure {
  constructor(code: AuthErrorCode, message: string) {
    super(401, code, message);
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface UserRow {
  id: string;
  email: string;
  role: User['role'];
  tenant_id: string;
}
interface Family {
  id: string;
  expiresAt: Date;
}

interface SessionRow extends UserRow {
  session_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  rotated_at: Date | null;
  family_id: string;
  family_expires_at: Date;
}

const toUser = (row: UserRow): User => ({ id: row.id, email: row.email, role: row.role, tenantId: row.tenant_id });

export function sessions(deps: SessionDeps) {
  const { db, clock, jwtSecret } = deps;

  async function signAccess(user: User, sessionId: string, issuedAtMs: number): Promise<string> {
    const iat = Math.floor(issuedAtMs / 1000);
    return new SignJWT({ tid: user.tenantId, role: user.role, email: user.email, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuedAt(iat)
      .setExpirationTime(iat + deps.accessTtlSeconds)
      .sign(jwtSecret);
  }

  /**
   * Opens a refresh session for the user: a new family (a sign-in), or the next session of
   * one (a rotation, inside its transaction). `issuedAtMs` defaults to the tenant's clock;
   * tests pass a time in the past to plant sessions that are already expired.
   */
  async function open(user: User, opts: { issuedAtMs?: number; revoked?: boolean; family?: Family; client?: pg.PoolClient } = {}) {
    const issuedAt = opts.issuedAtMs ?? (await clock.now(user.tenantId));
    const familyEnds = opts.family?.expiresAt ?? new Date(issuedAt + deps.sessionMaxSeconds * 1000);
    const refreshToken = randomBytes(32).toString('base64url');
    const { rows } = await (opts.client ?? db).query<{ id: string }>(
      `INSERT INTO refresh_sessions (user_id, token_hash, created_at, expires_at, revoked_at, family_id, family_expires_at)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6, gen_random_uuid()), $7) RETURNING id`,
      [
        user.id,
        hashToken(refreshToken),
        new Date(issuedAt),
        new Date(Math.min(issuedAt + deps.refreshTtlSeconds * 1000, familyEnds.getTime())),
        opts.revoked ? new Date(issuedAt) : null,
        opts.family?.id ?? null,
        familyEnds,
      ],
    );
    const sessionId = rows[0]!.id;
    const pair: TokenPair = {
      accessToken: await signAccess(user, sessionId, issuedAt),
      refreshToken,
      expiresIn: deps.accessTtlSeconds,
    };
    deps.issued?.record(pair.accessToken, refreshToken);
    return { sessionId, ...pair };
  }

  async function authenticate(email: string, passwordCheck: (hash: string) => Promise<boolean>) {
    const { rows } = await db.query<UserRow & { password_hash: string }>(
      'SELECT id, email, role, tenant_id, password_hash FROM users WHERE email = $1',
      [email],
    );
    const row = rows[0];
    const wrong = new AuthFailure('invalid_credentials', 'Email or password is wrong.');
    if (!row) throw wrong;
    const user = toUser(row);
    await deps.loginThrottle?.check(user);
    if (!(await passwordCheck(row.password_hash))) {
      await deps.loginThrottle?.failed(user);
      throw wrong;
    }
    return user;
  }

  /** Checks a bearer token against the tenant's clock and the session it names. */
  async function verifyAccess(token: string | undefined): Promise<User> {
    if (!token) throw new AuthFailure('unauthorized', 'Sign in to continue.');
    let tenantId: string;
    try {
      tenantId = String(decodeJwt(token).tid);
    } catch {
      throw new AuthFailure('unauthorized', 'The access token is malformed.');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwtSecret, { currentDate: new Date(await clock.now(tenantId)) }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthFailure('token_expired', 'The access token has expired.');
      throw new AuthFailure('unauthorized', 'The access token is not valid.');
    }
    const { rows } = await db.query<UserRow & { revoked_at: Date | null }>(
      `SELECT u.id, u.email, u.role, u.tenant_id, s.revoked_at
         FROM refresh_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2`,
      [payload.sid, payload.sub],
    );
    const row = rows[0];
    if (!row) throw new AuthFailure('unauthorized', 'The session no longer exists.');
    if (row.revoked_at) throw new AuthFailure('session_revoked', 'The session was signed out elsewhere.');
    return toUser(row);
  }

  /**
   * Rotates a refresh token: the old one is spent and a new pair is issued, in one
   * transaction that locks the row, so two rotations of one token cannot both succeed.
   * A spent token presented again ends its whole family.
   */
  async function refresh(refreshToken: string): Promise<TokenPair & { user: User }> {
    const outcome = await transaction(async (client) => {
      const { rows } = await client.query<SessionRow>(
        `SELECT s.id AS session_id, s.expires_at, s.revoked_at, s.rotated_at, s.family_id, s.family_expires_at,
                u.id, u.email, u.role, u.tenant_id
           FROM refresh_sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1
            FOR UPDATE OF s`,
        [hashToken(refreshToken)],
      );
      const row = rows[0];
      if (!row) return new AuthFailure('unauthorized', 'The refresh token is not valid.');
      const user = toUser(row);
      const now = new Date(await clock.now(user.tenantId));
      if (row.rotated_at) {
        await client.query('UPDATE refresh_sessions SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [row.family_id, now]);
        deps.log.warn({ userId: user.id, familyId: row.family_id }, 'a rotated refresh token came back: its sign-in is ended');
        return new AuthFailure('session_revoked', 'This sign-in was ended because its refresh token was used twice.');
      }
      if (row.revoked_at) return new AuthFailure('session_revoked', 'The session was signed out elsewhere.');
      if (row.expires_at <= now) return new AuthFailure('session_expired', 'Your session has expired.');
      await client.query('UPDATE refresh_sessions SET revoked_at = $2, rotated_at = $2 WHERE id = $1', [row.session_id, now]);
      const family = { id: row.family_id, expiresAt: row.family_expires_at };
      const { sessionId: _, ...pair } = await open(user, { issuedAtMs: now.getTime(), family, client });
      return { ...pair, user };
    });
    if (outcome instanceof AuthFailure) throw outcome;
    return outcome;
  }

  /** Signing out ends the sign-in: every session of the token's family. */
  async function revoke(refreshToken: string): Promise<void> {
    await db.query(
      `UPDATE refresh_sessions SET revoked_at = now()
        WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_sessions WHERE token_hash = $1)`,
      [hashToken(refreshToken)],
    );
  }

  /** Runs work in one transaction; what it returns, a failure included, is committed. */
  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // The connection may be broken or mid-transaction: never hand it back to the pool.
      client.release(true);
      throw error;
    }
  }

  async function activeSessionCount(user: User): Promise<number> {
    const now = new Date(await clock.now(user.tenantId));
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM refresh_sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2',
      [user.id, now],
    );
    return rows[0]!.n;
  }

  return { open, authenticate, verifyAccess, refresh, revoke, activeSessionCount };
}

export type Sessions = ReturnType<typeof sessions>;
