// containers: Testcontainers starts Postgres, Redis, the api and the web app on one
// network, with aliases, as a deployment would. Every container and the network carry
// the owner label so a later run can sweep what a killed run left (Ryuk may be absent).
import { randomBytes } from 'node:crypto';
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { RedisContainer, type StartedRedisContainer } from '@testcontainers/redis';
import { GenericContainer, getContainerRuntimeClient, type StartedTestContainer, Wait } from 'testcontainers';
import { images } from '../images.ts';
import { OWNER_LABEL, SUITE_LABEL, ownerId } from '../ownership.ts';
import { freePort } from '../ports.ts';
import type { ServiceHandle, Stack, StackOptions } from '../stack.ts';

const API_PORT = 8080;
const WEB_PORT = 8081;

/** Docker multiplexes stdout and stderr in 8-byte-header frames when there is no TTY. */
function demux(buffer: Buffer): string {
  let text = '';
  for (let offset = 0; offset + 8 <= buffer.length; ) {
    const size = buffer.readUInt32BE(offset + 4);
    text += buffer.subarray(offset + 8, offset + 8 + size).toString();
    offset += 8 + size;
  }
  return text;
}

function handle(container: StartedTestContainer): ServiceHandle {
  const docker = async () => (await getContainerRuntimeClient()).container.getById(container.getId());
  return {
    stop: async () => void (await (await docker()).stop({ t: 2 })),
    start: async () => void (await (await docker()).start()),
    restart: () => container.restart(),
    logs: async () => demux((await (await docker()).logs({ stdout: true, stderr: true, follow: false })) as Buffer),
    exec: async (command) => container.exec(command),
    health: async () => (await (await docker()).inspect()).State.Health?.Status,
  };
}

export async function startContainersStack(options: StackOptions): Promise<Stack> {
  const owner = ownerId();
  const labels = { [SUITE_LABEL]: 'true', [OWNER_LABEL]: owner };
  const client = await getContainerRuntimeClient();
  const networkName = `e2e-${options.label}-${randomBytes(4).toString('hex')}`;
  const network = await client.network.create({ Name: networkName, Labels: labels });

  // Host ports are chosen up front: the web needs the api's public origin and the api
  // needs the web's for CORS, before either starts; and a stopped and restarted Postgres
  // or Redis must come back where the test process left it.
  const [apiPort, webPort, pgPort, redisPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  // Where mapped ports answer: this machine, or a remote engine's host (DOCKER_HOST).
  const runtimeHost = client.info.containerRuntime.host;
  const host = ['localhost', '127.0.0.1', '::1'].includes(runtimeHost) ? '127.0.0.1' : runtimeHost;
  const apiUrl = `http://${host}:${apiPort}`;
  const webUrl = `http://${host}:${webPort}`;
  const started: StartedTestContainer[] = [];
  const secrets = { pgPassword: randomBytes(16).toString('hex'), jwt: randomBytes(32).toString('hex'), providerKey: `pk_${randomBytes(24).toString('hex')}` };

  const stop = async () => {
    await Promise.allSettled(started.reverse().map((c) => c.stop({ timeout: 2000 })));
    await client.network.remove(network).catch(() => {});
  };

  try {
    const [pg, redis] = await Promise.all([
      new PostgreSqlContainer(images.postgres())
        .withNetworkMode(networkName)
        .withNetworkAliases('postgres')
        .withLabels(labels)
        .withExposedPorts({ container: 5432, host: pgPort })
        .withDatabase('app')
        .withUsername('app')
        .withPassword(secrets.pgPassword)
        .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])
        .start()
        .then((c: StartedPostgreSqlContainer) => (started.push(c), c)),
      new RedisContainer(images.redis())
        .withNetworkMode(networkName)
        .withNetworkAliases('redis')
        .withLabels(labels)
        .withExposedPorts({ container: 6379, host: redisPort })
        .withCommand(['redis-server', '--protected-mode', 'no', '--save', '', '--appendonly', 'no'])
        .start()
        .then((c: StartedRedisContainer) => (started.push(c), c)),
    ]);

    const api = await new GenericContainer(images.api())
      .withNetworkMode(networkName)
      .withNetworkAliases('api')
      .withLabels(labels)
      .withEnvironment({
        PORT: String(API_PORT),
        DATABASE_URL: `postgres://${pg.getUsername()}:${pg.getPassword()}@postgres:5432/${pg.getDatabase()}`,
        REDIS_URL: 'redis://redis:6379',
        WEB_ORIGIN: webUrl,
        // The browser and the test process call `host`; the network calls 'api'.
        ALLOWED_HOSTS: host,
        INTERNAL_HOSTS: 'localhost,api',
        JWT_SECRET: secrets.jwt,
        PROVIDER_API_KEY: secrets.providerKey,
        MIGRATE_ON_START: '1',
        // An api restart hands its running jobs on within seconds, not the production 30 s.
        QUEUE_STALLED_MS: '3000',
        E2E_TEST_MODE: '1',
        E2E_ISSUED_SECRETS: '/tmp/issued-secrets',
        NODE_ENV: 'test',
      })
      .withExposedPorts({ container: API_PORT, host: apiPort })
      .withWaitStrategy(Wait.forHttp('/api/v1/health', API_PORT).forStatusCode(200))
      .withStartupTimeout(60_000)
      .start();
    started.push(api);

    const web = await new GenericContainer(images.web())
      .withNetworkMode(networkName)
      .withNetworkAliases('web')
      .withLabels(labels)
      .withEnvironment({ PORT: String(WEB_PORT), API_URL: apiUrl })
      .withExposedPorts({ container: WEB_PORT, host: webPort })
      .withWaitStrategy(Wait.forHttp('/config.js', WEB_PORT).forStatusCode(200))
      .start();
    started.push(web);

    return {
      mode: 'containers',
      webUrl,
      apiUrl,
      databaseUrl: pg.getConnectionUri(),
      redisUrl: redis.getConnectionUrl(),
      services: { postgres: handle(pg), redis: handle(redis), api: handle(api), web: handle(web) },
      secrets: Object.values(secrets),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
