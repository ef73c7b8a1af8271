// What answers before the app proper: the trusted-host check, and the redirect of legacy
// /api paths to /api/v1 (registered after CORS, so the redirect carries its headers).
import type { FastifyInstance } from 'fastify';
import type { ApiErrorBody } from '../../shared/api-types.ts';
import { bugOn, inHeader } from './bug-switches.ts';
import type { ApiConfig } from './config.ts';

const legacyApi = /^\/api\/(?!v1\/)/;
const toV1 = (url: string) => url.replace(/^\/api\//, '/api/v1/');

/**
 * First hook of all. Health checks arrive by internal names (localhost, the service
 * alias), so those belong on the list beside the public ones.
 */
export function trustedHosts(app: FastifyInstance, config: Pick<ApiConfig, 'allowedHosts' | 'internalHosts' | 'testMode'>) {
  app.addHook('onRequest', async (request, reply) => {
    const hostname = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    // Bug 'allowlist-without-internal-names': only the public names, as first deployed.
    const internal = config.testMode && bugOn(inHeader(request), 'allowlist-without-internal-names') ? [] : config.internalHosts;
    if (![...config.allowedHosts, ...internal].includes(hostname)) {
      return reply
        .code(400)
        .send({ error: 'bad_request', message: `Host '${hostname}' is not one of this api's names.` } satisfies ApiErrorBody);
    }
  });
}

/** Bug 'redirect-before-cors' only: the redirect answered in front of the CORS layer. Register before CORS. */
export function legacyRedirectBeforeCors(app: FastifyInstance, testMode: boolean) {
  if (!testMode) return;
  app.addHook('onRequest', async (request, reply) => {
    if (legacyApi.test(request.url) && bugOn(inHeader(request), 'redirect-before-cors')) return reply.redirect(toV1(request.url), 307);
  });
}

/** Old clients call /api/...; they are sent to /api/v1. Register after CORS. */
export function legacyRedirect(app: FastifyInstance) {
  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE'],
    url: '/api/*',
    handler: async (request, reply) =>
      legacyApi.test(request.url)
        ? reply.redirect(toV1(request.url), 307)
        : reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${request.url}` } satisfies ApiErrorBody),
  });
}
