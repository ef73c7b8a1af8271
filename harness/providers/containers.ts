// containers: Testcontainers starts Postgres, Redis, the api and the web app on one
// network, with aliases, as a deployment would. Every container and the network carry
// the owner label so a later run can sweep what a killed run left (Ryuk may be absent),
// and the stack's own label, so its stop removes all of it, whatever state start-up left.
import { randomBytes } from 'node:crypto';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { RedisContainer } from '@testcontainers/redis';
import { GenericContainer, getContainerRuntimeClient, type StartedTestContainer, Wait } from 'testcontainers';
import { HarnessError, PortInUse, lastLines } from '../errors.ts';
import { images } from '../images.ts';
import { OWNER_LABEL, STACK_LABEL, SUITE_LABEL, ownerId } from '../ownership.ts';
import { freePort } from '../ports.ts';
import type { ServiceHandle, ServiceName, Stack, StackOptions } from '../stack.ts';

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

/**
 * Starts one service's container. If it exits during start-up the wait ends at once (its
 * log stream ends); if it never gets ready, at its startup timeout. Either way the error
 * names the service and shows the end of its output; a taken host port is a PortInUse.
 */
async function startService<T extends StartedTestContainer>(name: ServiceName, hostPort: number, container: { withLogConsumer(consumer: (stream: NodeJS.ReadableStream) => unknown): unknown; start(): Promise<T> }): Promise<T> {
  let output = '';
  let ready = false;
  let exited!: (error: Error) => void;
  const exit = new Promise<never>((_, reject) => (exited = reject));
  container.withLogConsumer((stream) => {
    stream.on('data', (chunk: string) => (output = (output + chunk).slice(-100_000)));
    stream.on('end', () => ready || exited(new HarnessError(`${name} exited during start-up. The last lines of its output:\n${lastLines(output)}`)));
  });
  const starting = container.start();
  starting.catch(() => {}); // the exit may win the race; the stack's stop removes the container
  exit.catch(() => {});
  try {
    const started = await Promise.race([starting, exit]);
    ready = true;
    return started;
  } catch (error) {
    if (error instanceof HarnessError) throw error;
    const message = (error as Error).message;
    if (/port is already allocated|address already in use/i.test(message)) throw new PortInUse(name, hostPort);
    throw new HarnessError(`${name} did not get ready (${message.split('\n')[0]}). The last lines of its output:\n${lastLines(output)}`);
  }
}

/** Start-up attempts when a chosen host port was taken before Docker could bind it. */
const ATTEMPTS = 3;

export async function startContainersStack(options: StackOptions): Promise<Stack> {
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
  const client = await getContainerRuntimeClient();
  const networkName = `e2e-${options.label}-${randomBytes(4).toString('hex')}`;
  const labels = { [SUITE_LABEL]: 'true', [OWNER_LABEL]: ownerId(), [STACK_LABEL]: networkName };
  const network = await client.network.create({ Name: networkName, Labels: labels });

  // Host ports are chosen up front: the web needs the api's public origin and the api
  // needs the web's for CORS, before either starts; and a stopped and restarted Postgres
  // or Redis must come back where the test process left it.
  const pick = options.ports ?? freePort;
  const [apiPort, webPort, pgPort, redisPort] = [await pick(), await pick(), await pick(), await pick()];
  // Where mapped ports answer: this machine, or a remote engine's host (DOCKER_HOST).
  const runtimeHost = client.info.containerRuntime.host;
  const host = ['localhost', '127.0.0.1', '::1'].includes(runtimeHost) ? '127.0.0.1' : runtimeHost;
  const apiUrl = `http://${host}:${apiPort}`;
  const webUrl = `http://${host}:${webPort}`;
  const secrets = { pgPassword: randomBytes(16).toString('hex'), jwt: randomBytes(32).toString('hex'), providerKey: `pk_${randomBytes(24).toString('hex')}` };

  const stop = async () => {
    const docker = client.container.dockerode;
    const mine = await docker.listContainers({ all: true, filters: { label: [`${STACK_LABEL}=${networkName}`] } });
    await Promise.allSettled(mine.map((info) => docker.getContainer(info.Id).remove({ force: true, v: true })));
    await client.network.remove(network).catch(() => {});
  };

  try {
    const [pg, redis] = await Promise.all([
      startService('postgres', pgPort, new PostgreSqlContainer(images.postgres())
        .withNetworkMode(networkName)
        .withNetworkAliases('postgres')
        .withLabels(labels)
        .withExposedPorts({ container: 5432, host: pgPort })
        .withDatabase('app')
        .withUsername('app')
        .withPassword(secrets.pgPassword)
        .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])),
      startService('redis', redisPort, new RedisContainer(images.redis())
        .withNetworkMode(networkName)
        .withNetworkAliases('redis')
        .withLabels(labels)
        .withExposedPorts({ container: 6379, host: redisPort })
        .withCommand(['redis-server', '--protected-mode', 'no', '--save', '', '--appendonly', 'no'])),
    ]);

    const api = await startService('api', apiPort, new GenericContainer(images.api())
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
      .withStartupTimeout(60_000));

    const web = await startService('web', webPort, new GenericContainer(images.web())
      .withNetworkMode(networkName)
      .withNetworkAliases('web')
      .withLabels(labels)
      .withEnvironment({ PORT: String(WEB_PORT), API_URL: apiUrl })
      .withExposedPorts({ container: WEB_PORT, host: webPort })
      .withWaitStrategy(Wait.forHttp('/config.js', WEB_PORT).forStatusCode(200)));

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
