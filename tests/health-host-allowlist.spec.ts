// session-expiry-refresh-loop.md, part 2.2 (issues 2.2.2 and 2.2.6): the backend's host
// allowlist named only the public host, so the container healthcheck (localhost) and
// calls from neighbouring containers (by service name) got 400 Bad Request.
import { describeIncident, expect, routes, test } from '../fixtures/index.ts';

/** The allowlist's own refusal names the host; any other failure is not this incident. */
const verdict = ({ url, status, body }: { url: string; status: number; body: string }) =>
  status === 400 && body.includes('is not one of this api')
    ? `health refused by host allowlist: GET ${url} → 400\n  ${body}`
    : `health by GET ${url} answered ${status}\n  ${body}`;

describeIncident('health-host-allowlist', () => {
  test('health by service alias and by localhost from inside the network passes; a foreign Host is refused', async ({
    stack,
    containers,
    network,
  }) => {
    await test.step('action + recovery: a neighbour checks health by the service alias', async () => {
      const byAlias = await containers.apiHealthBy('api');
      expect(byAlias.status, verdict(byAlias)).toBe(200);
    });

    await test.step('action + recovery: the container checks itself by localhost', async () => {
      const byLocalhost = await containers.apiHealthBy('localhost');
      expect(byLocalhost.status, verdict(byLocalhost)).toBe(200);
      await expect.poll(() => containers.health('api'), { message: 'the image HEALTHCHECK verdict', timeout: 15_000 }).toBe('healthy');
    });

    await test.step('recovery: a foreign Host header is still refused', async () => {
      expect(await network.getWithHost(routes.health, 'evil.example')).toBe(400);
      expect(await network.getWithHost(routes.health, new URL(stack.apiUrl).host)).toBe(200);
    });
  });
});
