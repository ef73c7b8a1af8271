// Rate limiting with @fastify/rate-limit and its Redis store, in fixed windows read from
// the api's clock (so a test moves a tenant past a window instead of sleeping through it).
// Two budgets per caller: the session endpoints have their own, so no amount of other
// traffic can stop a signed-in user from proving who they are, which is how the
// incident's cascade locked users out.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { User } from '../../shared/api-types.ts';
import { RATE_LIMIT_NAMESPACE, type RateBudget, rateLimitCaller, rateLimitKey } from '../../shared/rate-limit-keys.ts';
import { TEST_HOOK_PREFIX, routes } from '../../shared/routes.ts';
import { ApiFailure } from './api-failure.ts';
import { bugOn } from './bug-switches.ts';
import type { Clock } from './clock.ts';

export interface RateLimitConfig {
  rateLimitWindowMs: number;
  /** Per caller and window, for everything but the session endpoints. */
  rateLimitGeneralMax: number;
  rateLimitSessionMax: number;
}

const SESSION_PATHS: string[] = [routes.me, routes.refresh, routes.login, routes.logout];
const unlimited = (url: string) => url.startsWith(routes.health) || url.startsWith(TEST_HOOK_PREFIX);

interface RateContext {
  max: number;
  windowEndsInMs: number;
}

/** Test mode: a tenant's own general budget, with windows starting when it was set. */
export interface TestBudget {
  generalMax: number;
  anchorMs: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    rate: RateContext | null;
  }
}

/**
 * Test mode: a per-tenant general budget, so a spec can run out of it in a few requests.
 * Its windows start when it was set, so a test never straddles a window boundary.
 */
export const budgetKey = (tenantId: string) => `e2e:rate-budget:${tenantId}`;

export async function registerRateLimit(
  app: FastifyInstance,
  deps: {
    redis: Redis;
    clock: Clock;
    config: RateLimitConfig;
    testMode: boolean;
    callerOf: (request: FastifyRequest) => Promise<User | Error>;
  },
) {
  const { redis, clock, config } = deps;

  /**
   * Who is calling: a user whose token is valid and whose session is live, else the client
   * address. A dead token (expired, revoked, forged) names nobody: anyone holding a
   * victim's old token could otherwise spend the victim's budget.
   */
  async function caller(request: FastifyRequest): Promise<{ key: string; tenantId?: string }> {
    const user = request.headers.authorization ? await deps.callerOf(request) : undefined;
    if (user && !(user instanceof Error)) return { key: rateLimitCaller.user(user.id), tenantId: user.tenantId };
    return { key: rateLimitCaller.address(request.ip) };
  }

  const readTestBudget = async (tenantId: string): Promise<TestBudget | undefined> => {
    const stored = await redis.get(budgetKey(tenantId)).catch(() => null);
    return stored ? (JSON.parse(stored) as TestBudget) : undefined;
  };

  app.decorateRequest('rate', null);
  await app.register(rateLimit, {
    redis,
    nameSpace: RATE_LIMIT_NAMESPACE,
    // If Redis is down, serve without limits rather than refuse everything.
    skipOnError: true,
    allowList: (request) => unlimited(request.url),
    keyGenerator: async (request) => {
      const { key, tenantId } = await caller(request);
      const path = request.url.split('?')[0] ?? '';
      const shared = bugOn(request, 'shared-rate-budget');
      const budget: RateBudget = SESSION_PATHS.includes(path) && !shared ? 'session' : 'general';
      // Asked at once: while Redis hangs, each waits out its command timeout.
      const [testBudget, now] = await Promise.all([
        deps.testMode && tenantId ? readTestBudget(tenantId) : undefined,
        tenantId ? clock.now(tenantId) : Date.now(),
      ]);
      const anchor = testBudget?.anchorMs ?? 0;
      const window = Math.floor((now - anchor) / config.rateLimitWindowMs);
      request.rate = {
        max: budget === 'session' ? config.rateLimitSessionMax : (testBudget?.generalMax ?? config.rateLimitGeneralMax),
        windowEndsInMs: anchor + (window + 1) * config.rateLimitWindowMs - now,
      };
      return rateLimitKey(budget, key, window);
    },
    max: async (request) => request.rate!.max,
    // The key lives until its window ends, so Retry-After tells the truth.
    timeWindow: async (request) => Math.max(1, request.rate!.windowEndsInMs),
    errorResponseBuilder: (_request, context) =>
      new ApiFailure(429, 'rate_limited', `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} s.`),
  });
}
