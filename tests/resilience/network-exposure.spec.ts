// A test stack runs test mode, whose hooks hand out every password issued, and a Redis
// anyone could flush: on a shared CI machine or a laptop on café Wi-Fi, nothing of it may
// answer another host. Its ports answer on loopback only, and its Redis wants a password.
import { expect, test } from '../../fixtures/index.ts';

test.describe('a test stack answers this machine only', () => {
  test.use({ needs: ['local-processes'] });

  test('its api, web, Postgres and Redis ports refuse every address but loopback', async ({ stack, hostile }) => {
    const outside = hostile.outsideAddresses();
    // A machine with no other address (a sandbox without a network) has nowhere to leak; an engine's has its bridge's.
    // eslint-disable-next-line playwright/no-skipped-test
    test.skip(outside.length === 0, 'this machine has no address but loopback, so no port can answer another host');
    const ports = { api: stack.apiUrl, web: stack.webUrl, postgres: stack.databaseUrl, redis: stack.redisUrl };
    for (const [service, url] of Object.entries(ports)) {
      const port = Number(new URL(url).port);
      expect(await hostile.connects('127.0.0.1', port), `${service} answers on loopback`).toBe(true);
      for (const address of outside) {
        expect(await hostile.connects(address, port), `${service} must not answer on ${address}:${port}`).toBe(false);
      }
    }
  });

  test('its Redis refuses a client that has not signed in with the stack password', async ({ hostile, redis }) => {
    expect(await hostile.redisAnonymously('PING')).toMatch(/^-NOAUTH/);
    expect(await hostile.redisAnonymously('DBSIZE')).toMatch(/^-NOAUTH/);
    // The stack's own clients sign in with it.
    expect(await redis.ping()).toBe('PONG');
  });
});
