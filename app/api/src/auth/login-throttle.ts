// Failed sign-ins per account, in fixed windows of the tenant's clock (so a spec crosses a
// window without sleeping). After maxFailures in a window, the account's sign-ins are
// refused with 429 until the window ends, the right password included: guessing costs a
// window per few tries. Per account, not per address, since guesses spread over many
// addresses but always land on the one account. On a Redis error it fails open, as the
// rate limits do (docs/reference-app.md says why).
import type { Redis } from 'ioredis';
import type { User } from '../../../shared/api-types.ts';
import { ApiFailure } from '../api-failure.ts';
import type { Clock } from '../clock.ts';

export interface LoginThrottleConfig {
  loginMaxFailures: number;
  loginWindowMs: number;
}

export function loginThrottle(redis: Redis, clock: Clock, config: LoginThrottleConfig) {
  const windowOf = async (user: User) => {
    const now = await clock.now(user.tenantId);
    const window = Math.floor(now / config.loginWindowMs);
    return { key: `login-failures:${user.id}:${window}`, endsInMs: (window + 1) * config.loginWindowMs - now };
  };
  return {
    /** Throws a 429 while the account has used up its failures for this window. */
    async check(user: User): Promise<void> {
      const { key, endsInMs } = await windowOf(user);
      const failures = Number(await redis.get(key).catch(() => 0));
      if (failures < config.loginMaxFailures) return;
      const seconds = Math.max(1, Math.ceil(endsInMs / 1000));
      throw new ApiFailure(429, 'rate_limited', `Too many failed sign-ins for this account. Try again in ${seconds} s.`, seconds);
    },
    async failed(user: User): Promise<void> {
      const { key, endsInMs } = await windowOf(user);
      await redis
        .multi()
        .incr(key)
        .pexpire(key, Math.max(1, endsInMs))
        .exec()
        .catch(() => {});
    },
  };
}

export type LoginThrottle = ReturnType<typeof loginThrottle>;
