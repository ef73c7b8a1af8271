// The api's notion of "now". In test mode each tenant can be moved forward in time, so a
// spec replays a 15-minute token expiry or a week-old refresh session without sleeping,
// while other tests on the same stack keep the real time.
import type { Redis } from 'ioredis';

export interface Clock {
  now(tenantId: string): Promise<number>;
  advance(tenantId: string, byMs: number): Promise<number>;
}

export const realClock: Clock = {
  now: async () => Date.now(),
  advance: async () => {
    throw new Error('The real clock cannot be advanced; start the api with E2E_TEST_MODE=1');
  },
};

export function tenantClock(redis: Redis): Clock {
  const key = (tenantId: string) => `e2e:clock-offset:${tenantId}`;
  return {
    async now(tenantId) {
      // Redis down: real time, so sign-in and everything else Postgres serves keeps working.
      const offset = await redis.get(key(tenantId)).catch(() => null);
      return Date.now() + Number(offset ?? 0);
    },
    async advance(tenantId, byMs) {
      const offset = await redis.incrby(key(tenantId), byMs);
      await redis.expire(key(tenantId), 24 * 60 * 60);
      return offset;
    },
  };
}
