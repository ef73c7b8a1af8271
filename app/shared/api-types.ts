// Wire types shared by the api, the web app and the test fixtures, so a renamed field
// breaks the build instead of a test at 3 a.m.

export type Role = 'member' | 'admin';

export interface User {
  id: string;
  email: string;
  role: Role;
  tenantId: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires, by the server's clock. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
  user: User;
}

export interface MeResponse {
  user: User;
}

export interface DashboardResponse {
  user: User;
  activeSessions: number;
  serverTime: string;
}

export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_credentials'
  | 'unauthorized'
  | 'token_expired'
  | 'session_expired'
  | 'session_revoked'
  | 'not_found'
  | 'internal';

export interface ApiErrorBody {
  error: ApiErrorCode;
  message: string;
}

export type CheckStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'not_ready';
  checks: {
    database: { status: CheckStatus; error?: string };
    redis: { status: CheckStatus; error?: string };
    migrations: { status: 'current' | 'pending' | 'unknown'; applied: string[]; pending: string[] };
  };
}

// Test-mode only endpoints (mounted under /api/v1/__test__ when E2E_TEST_MODE=1).

export interface TestTenant {
  tenantId: string;
  member: TestUser;
  admin: TestUser;
}

export interface TestUser extends User {
  password: string;
}

/** How a planted session looks to the server. */
export type PlantedSessionState = 'valid' | 'expired' | 'revoked';

export interface PlantSessionRequest {
  userId: string;
  state: PlantedSessionState;
}

export interface PlantedSession extends TokenPair {
  sessionId: string;
}

export interface AdvanceClockRequest {
  tenantId: string;
  byMs: number;
}
