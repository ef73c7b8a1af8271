// Serves the built web app on its own origin, plus /config.js with the API origin, so
// one build runs against any stack.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

const root = process.env.WEB_DIST ?? fileURLToPath(new URL('./dist', import.meta.url));
const apiUrl = process.env.API_URL;
if (!apiUrl) throw new Error('API_URL is required: the origin of the api, e.g. http://127.0.0.1:8080');
if (!existsSync(`${root}/index.html`)) throw new Error(`No built web app in ${root}: run the web build first`);

// Tokens live in localStorage, so injected script would own the session: only this
// origin's files run, and the page talks to this origin and the api's alone.
const api = new URL(apiUrl);
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${api.origin} ${api.protocol === 'https:' ? 'wss' : 'ws'}://${api.host}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
app.addHook('onSend', async (_request, reply) => {
  reply.header('content-security-policy', contentSecurityPolicy);
  reply.header('x-content-type-options', 'nosniff');
});
app.get('/config.js', async (_request, reply) =>
  reply
    .type('application/javascript')
    .header('cache-control', 'no-store')
    .send(`window.__APP_CONFIG__ = ${JSON.stringify({ apiUrl })};`),
);
await app.register(fastifyStatic, { root, wildcard: false });
// Client-side routes (/login, /dashboard, …) all load the app shell; a missing asset is a 404, never the shell.
app.setNotFoundHandler((request, reply) =>
  request.url.startsWith('/assets/') ? reply.code(404).send() : reply.header('cache-control', 'no-store').sendFile('index.html'),
);

await app.listen({ port: Number(process.env.PORT ?? 8081), host: process.env.HOST ?? '0.0.0.0' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
