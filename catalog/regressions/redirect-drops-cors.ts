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
] satisfies Regression[];
