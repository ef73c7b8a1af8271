import type { Regression } from './index.ts';

export default [
  {
    name: 'web app on the legacy prefix',
    story: 'A config change points the web app at /api again.',
    edits: [
      {
        file: 'app/web/src/config.ts',
        find: "(bugOn(thisPage, 'legacy-api-redirect') ? legacyPathOf(route) : route)",
        replace: 'legacyPathOf(route)',
      },
    ],
  },
  {
    name: 'redirect moved to an early hook',
    story: '"Redirect before any work": the legacy redirect moves to the first hook, in front of CORS.',
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: "if (legacyApi.test(request.url) && bugOn(inHeader(request), 'redirect-before-cors'))",
        replace: 'if (legacyApi.test(request.url))',
      },
    ],
  },
  {
    name: 'redirect written raw',
    story: '"A redirect needs no serialisation": it is written to the raw response.',
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: `      legacyApi.test(request.url)
        ? reply.redirect(toV1(request.url), 307)`,
        replace: `      legacyApi.test(request.url)
        ? (reply.hijack(), void reply.raw.writeHead(307, { location: toV1(request.url) }).end())`,
      },
    ],
  },
  {
    name: 'legacy redirect made permanent (301)',
    story: 'Mark the move to /api/v1 permanent (301) so browsers and proxies cache it and old clients stop paying the round trip.',
    blind: {
      family: 'another-channel',
      breaks:
        'The legacy redirect stays for old clients: a 301 turns their POSTs (sign-in, create, cancel) into GETs of /api/v1/..., which answer 404.',
    },
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: `        ? reply.redirect(toV1(request.url), 307)
`,
        replace: `        ? reply.redirect(toV1(request.url), 301)
`,
      },
    ],
  },
  {
    name: 'legacy redirect answered in the first hook',
    story:
      'Answer legacy /api calls in an onRequest hook right after the host check, so old clients skip routing, rate limiting and auth work altogether.',
    blind: {
      family: 'another-way-in',
      breaks:
        "The legacy redirect carries CORS headers: it is now answered before the CORS layer, so old clients' redirects (and their preflights) lack Access-Control-Allow-Origin and fail as CORS errors.",
    },
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: `export function legacyRedirect(app: FastifyInstance) {
  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE'],
    url: '/api/*',
    handler: async (request, reply) =>
      legacyApi.test(request.url)
        ? reply.redirect(toV1(request.url), 307)
        : reply.code(404).send({ error: 'not_found', message: \`No route \${request.method} \${request.url}\` } satisfies ApiErrorBody),
  });
}
`,
        replace: `export function legacyRedirect(app: FastifyInstance) {
  // Answered in the first hooks: old clients skip routing, rate limiting and auth altogether.
  app.addHook('onRequest', async (request, reply) => {
    if (legacyApi.test(request.url)) return reply.redirect(toV1(request.url), 307);
  });
}
`,
      },
      {
        file: 'app/api/src/server.ts',
        find: `  trustedHosts(app, config);
`,
        replace: `  trustedHosts(app, config);
  legacyRedirect(app);
`,
      },
      {
        file: 'app/api/src/server.ts',
        find: `  app.setErrorHandler(errorHandler);
  legacyRedirect(app);
`,
        replace: `  app.setErrorHandler(errorHandler);
`,
      },
    ],
  },
  {
    name: 'legacy redirect kept for reads only',
    story: 'Old clients only read through /api by now; their writes moved to /api/v1 long ago, so the legacy route only needs GET.',
    blind: {
      family: 'another-way-in',
      breaks:
        'The legacy redirect stays for old clients: their POST, PUT and DELETE calls on /api (sign-in first of all) now answer 404 instead of being redirected.',
    },
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: `    method: ['GET', 'POST', 'PUT', 'DELETE'],
`,
        replace: `    // Old clients only read through /api now; their writes moved to /api/v1 long ago.
    method: ['GET'],
`,
      },
    ],
  },
  {
    name: 'health banner asks the unversioned health path',
    story: 'Health is not a versioned resource: have the banner ask /api/health so it survives the next API version bump.',
    blind: {
      family: 'another-channel',
      breaks: "The client calls /api/v1 directly: the page's health poll now goes through the legacy redirect every 10 s.",
    },
    edits: [
      {
        file: 'app/web/src/api/client.ts',
        find: "import { pathTo, routes } from '../../../shared/routes.ts';",
        replace: "import { legacyPathOf, pathTo, routes } from '../../../shared/routes.ts';",
      },
      {
        file: 'app/web/src/api/client.ts',
        find: '  health: () => send(routes.health, {}, false)',
        replace: `  // Health is not versioned: the unversioned path survives the next API version.
  health: () => send(legacyPathOf(routes.health), {}, false)`,
      },
    ],
  },
] satisfies Regression[];
