import type { Regression } from './index.ts';

export default [
  {
    name: 'request id dropped from the 500',
    story: '"Do not leak internals": the 500 says only that something went wrong.',
    edits: [
      {
        file: 'app/api/src/error-handler.ts',
        find: 'message: `Something went wrong on our side (request ${request.id}).`,',
        replace: "message: 'Something went wrong on our side.',",
      },
    ],
  },
  {
    name: 'unhandled error not logged',
    story: 'A log cleanup removes the line for unhandled errors.',
    edits: [
      {
        file: 'app/api/src/error-handler.ts',
        find: `  request.log.error({ err: error }, 'unhandled error');
`,
        replace: '',
      },
    ],
  },
  {
    name: '500 written raw',
    story: '"Skip serialisation for the error body": the 500 is written to the raw response.',
    edits: [
      {
        file: 'app/api/src/error-handler.ts',
        find: "return reply.code(500).type('application/json').send(body);",
        replace: `reply.hijack();
  reply.raw.writeHead(500, { 'content-type': 'application/json' }).end(body);
  return;`,
      },
    ],
  },
  {
    name: 'CORS headers set in preHandler',
    story:
      "Move CORS to the preHandler hook, which the plugin supports, so its headers are only computed for requests that reach a route's handler (cheaper under floods).",
    blind: {
      family: 'another-way-in',
      breaks:
        'CORS wraps every answer, errors included: 429s from the rate limiter, body-validation and unparsable-JSON 400s, and anything refused before preHandler now reach the browser without Access-Control-Allow-Origin.',
    },
    edits: [
      {
        file: 'app/api/src/server.ts',
        find: `    maxAge: 600,
  });
`,
        replace: `    maxAge: 600,
    // Only for requests that reach a route's handler: refused junk costs nothing.
    hook: 'preHandler',
  });
`,
      },
    ],
  },
  {
    name: 'crash message no longer shows the request id',
    story:
      'Users should read a sentence, not a UUID: drop the request id from the 500 message, since support can read it from the X-Request-Id header.',
    blind: {
      family: 'another-channel',
      breaks:
        "A 500 names its request id: the body the page shows no longer carries it, so a user's report cannot be matched to the api log.",
    },
    edits: [
      {
        file: 'app/api/src/error-handler.ts',
        find: `    message: \`Something went wrong on our side (request \${request.id}).\`,
`,
        replace: `    // The id travels in the X-Request-Id header for support; users get a sentence, not a UUID.
    message: 'Something went wrong on our side. Please try again.',
`,
      },
    ],
  },
  {
    name: 'crash answer drops the headers set before it',
    story:
      "A crash must not send whatever the failed handler set halfway (caching, disposition, content type): clear the reply's headers before answering the 500, and mark it no-store.",
    blind: {
      family: 'longer',
      breaks:
        'CORS wraps every answer, errors included: the headers CORS set on the way in are wiped on the crash path, so the 500 leaves without Access-Control-Allow-Origin and the browser reports a CORS error again.',
    },
    edits: [
      {
        file: 'app/api/src/error-handler.ts',
        find: `  return reply.code(500).type('application/json').send(body);
`,
        replace: `  // Nothing the failed handler set halfway (caching, disposition, type) may reach the client with a crash.
  for (const name of Object.keys(reply.getHeaders())) reply.removeHeader(name);
  return reply.code(500).type('application/json').header('cache-control', 'no-store').send(body);
`,
      },
    ],
  },
  {
    name: 'quieter logs: no access lines, crashes on the server logger',
    story:
      "Cut log noise: the proxy already logs every request, so turn off Fastify's request logging, and log crashes on the server logger so a route's lowered log level can never hide them.",
    blind: {
      family: 'another-channel',
      breaks:
        'A 500 names its request id, which the api log also carries: no log line carries the id any more, so the id the user reports matches nothing in the api log.',
    },
    edits: [
      {
        file: 'app/api/src/server.ts',
        find: `    logger: { level: process.env.LOG_LEVEL ?? 'info' },
`,
        replace: `    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    // The proxy logs every request already.
    disableRequestLogging: true,
`,
      },
      {
        file: 'app/api/src/error-handler.ts',
        find: `  request.log.error({ err: error }, 'unhandled error');
`,
        replace: `  // On the server's logger: a route may lower its request log level, and a crash must always be logged.
  request.server.log.error({ err: error, url: request.url }, 'unhandled error');
`,
      },
    ],
  },
] satisfies Regression[];
