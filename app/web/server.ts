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

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
app.get('/config.js', async (_request, reply) =>
  reply
    .type('application/javascript')
    .header('cache-control', 'no-store')
    .send(`window.__APP_CONFIG__ = ${JSON.stringify({ apiUrl })};`),
);
await app.register(fastifyStatic, { root, wildcard: false });
// Client-side routes (/login, /dashboard, …) all load the app shell.
app.setNotFoundHandler((_request, reply) => reply.header('cache-control', 'no-store').sendFile('index.html'));

await app.listen({ port: Number(process.env.PORT ?? 8081), host: process.env.HOST ?? '0.0.0.0' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
