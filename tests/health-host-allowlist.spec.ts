// session-expiry-refresh-loop.md, part 2.2 (issues 2.2.2 and 2.2.6): the backend's host
// allowlist named only the public host, so the container healthcheck (localhost) and
// calls from neighbouring containers (by service name) got 400 Bad Request.
import { request as httpRequest } from 'node:http';
import { BUG_SWITCHES_HEADER } from '../app/shared/bug-switches.ts';
import { describeIncident, expect, test } from '../fixtures/index.ts';

/** GET with an arbitrary Host header, which fetch does not allow. */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describeIncident('health-host-allowlist', () => {
  test('health by service alias and by localhost from inside the network passes; a foreign Host is refused', async ({ stack, bugSwitches }) => {
    test.skip(stack.mode !== 'containers', 'needs E2E_STACK=containers: it replays a deployment on the container network and its aliases');
    const api = stack.services.api;
    // Run inside the api container, as a neighbour or the container's own healthcheck would.
    const healthFromInside = async (host: string) => {
      const headers = JSON.stringify(bugSwitches.length ? { [BUG_SWITCHES_HEADER]: bugSwitches.join(',') } : {});
      const script = `fetch('http://${host}:8080/api/v1/health', { headers: ${headers} }).then(async (r) => console.log(r.status, await r.text()), (e) => console.log(0, e.message))`;
      const { output } = await api.exec(['node', '-e', script]);
      const [status, ...body] = output.trim().split(' ');
      return { status: Number(status), body: body.join(' ') };
    };

    await test.step('conditions: the stack as deployed, on its own network with aliases', async () => {
      expect(stack.mode).toBe('containers');
    });

    await test.step('action + recovery: a neighbour checks health by the service alias', async () => {
      const byAlias = await healthFromInside('api');
      expect(byAlias.status, `health refused by host allowlist: GET http://api:8080/api/v1/health → ${byAlias.status} ${byAlias.body}`).toBe(200);
    });

    await test.step('action + recovery: the container checks itself by localhost', async () => {
      const byLocalhost = await healthFromInside('localhost');
      expect(byLocalhost.status, `health refused by host allowlist: GET http://localhost:8080/api/v1/health → ${byLocalhost.status} ${byLocalhost.body}`).toBe(200);
      await expect.poll(() => api.health(), { message: 'the image HEALTHCHECK verdict', timeout: 15_000 }).toBe('healthy');
    });

    await test.step('recovery: a foreign Host header is still refused', async () => {
      expect(await getWithHost(`${stack.apiUrl}/api/v1/health`, 'evil.example')).toBe(400);
      expect(await getWithHost(`${stack.apiUrl}/api/v1/health`, new URL(stack.apiUrl).host)).toBe(200);
    });
  });
});
