import type { Regression } from './index.ts';

export default [
  {
    name: 'internal names off in test mode',
    story: '"Tests only use the public name": the internal names are dropped whenever test mode is on.',
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: "const internal = config.testMode && bugOn(inHeader(request), 'allowlist-without-internal-names') ? [] : config.internalHosts;",
        replace: 'const internal = config.testMode ? [] : config.internalHosts;',
      },
    ],
  },
  {
    name: 'internal names only from the default',
    story: 'The internal names are read from ALLOWED_HOSTS only.',
    edits: [
      {
        file: 'app/api/src/config.ts',
        find: "internalHosts: list(env.INTERNAL_HOSTS ?? 'localhost'),",
        replace: "internalHosts: list(env.ALLOWED_HOSTS ?? 'localhost'),",
      },
    ],
  },
  {
    name: 'allowlist never refuses',
    story: 'A refactor puts the refusal behind a condition that is never true: any Host passes.',
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: 'if (![...config.allowedHosts, ...internal].includes(hostname)) {',
        replace: 'if (!config.allowedHosts.includes(hostname) && internal.length < 0) {',
      },
    ],
  },
  {
    name: 'internal names hard-coded to localhost',
    story:
      "The internal names are the same in every deployment (the container's own healthcheck calls localhost): hard-code them and drop the INTERNAL_HOSTS knob.",
    blind: {
      family: 'another-way-in',
      breaks: 'Internal names include the service aliases: calls between containers by service alias are refused with 400 again.',
    },
    edits: [
      {
        file: 'app/api/src/config.ts',
        find: `    internalHosts: list(env.INTERNAL_HOSTS ?? 'localhost'),
`,
        replace: `    // The same in every deployment: the container's own healthcheck calls localhost.
    internalHosts: ['localhost', '127.0.0.1'],
`,
      },
    ],
  },
  {
    name: 'health answers to any host',
    story: 'Load balancers probe health by IP or whatever name they were given: let /api/v1/health skip the host check.',
    blind: { family: 'another-channel', breaks: 'Anything else is still refused: the health endpoint now answers to any Host header.' },
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: `  app.addHook('onRequest', async (request, reply) => {
    const hostname = (request.headers.host ?? '')`,
        replace: `  app.addHook('onRequest', async (request, reply) => {
    // Load balancers probe health by IP or whatever name they were given.
    if (request.url.startsWith('/api/v1/health')) return;
    const hostname = (request.headers.host ?? '')`,
      },
    ],
  },
  {
    name: 'trustProxy and request.hostname',
    story:
      "Behind the proxy, turn on trustProxy so request.ip is the client's (rate limits keyed by address were all the proxy's), and read request.hostname instead of hand-parsing the Host header.",
    blind: {
      family: 'another-way-in',
      breaks:
        'Anything else is still refused: any caller that sends X-Forwarded-Host with an allowed name now passes the allowlist, whatever its Host.',
    },
    edits: [
      {
        file: 'app/api/src/server.ts',
        find: `    requestIdHeader: false,
`,
        replace: `    // Behind the proxy: request.ip and request.hostname are the client's, not the proxy's.
    trustProxy: true,
    requestIdHeader: false,
`,
      },
      {
        file: 'app/api/src/edge.ts',
        find: `    const hostname = (request.headers.host ?? '').replace(/:\\d+$/, '').toLowerCase();
`,
        replace: `    const hostname = request.hostname.toLowerCase();
`,
      },
    ],
  },
  {
    name: 'host checked once per keep-alive connection',
    story: 'A keep-alive connection keeps talking to the same host, so check the Host once per connection instead of on every request.',
    blind: {
      family: 'second-time',
      breaks:
        'Anything else is still refused: after one request with an allowed name, every later request on the same connection passes whatever Host it names.',
    },
    edits: [
      {
        file: 'app/api/src/edge.ts',
        find: `  app.addHook('onRequest', async (request, reply) => {
    const hostname = (request.headers.host ?? '')`,
        replace: `  // A keep-alive connection keeps its host: check it once per connection, not per request.
  const trusted = new WeakSet<object>();
  app.addHook('onRequest', async (request, reply) => {
    if (trusted.has(request.raw.socket)) return;
    const hostname = (request.headers.host ?? '')`,
      },
      {
        file: 'app/api/src/edge.ts',
        find: `        .send({ error: 'bad_request', message: \`Host '\${hostname}' is not one of this api's names.\` } satisfies ApiErrorBody);
    }
  });
`,
        replace: `        .send({ error: 'bad_request', message: \`Host '\${hostname}' is not one of this api's names.\` } satisfies ApiErrorBody);
    }
    trusted.add(request.raw.socket);
  });
`,
      },
    ],
  },
] satisfies Regression[];
