// How the api names its rate-limit windows in Redis: one key per budget, caller and
// window. Shared, so the suite can show a spent window is a real key without spelling
// the format out again.
export type RateBudget = 'session' | 'general';

/** The prefix @fastify/rate-limit puts before every key. */
export const RATE_LIMIT_NAMESPACE = 'rate:';

export const rateLimitCaller = {
  user: (userId: string) => `user:${userId}`,
  address: (ip: string) => `ip:${ip}`,
};

/** Without the namespace; `window` may be '*' for a Redis KEYS pattern. */
export const rateLimitKey = (budget: RateBudget, caller: string, window: number | '*') => `${budget}:${caller}:${window}`;
