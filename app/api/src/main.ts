import { Redis } from 'ioredis';
import pg from 'pg';
import { readConfig } from './config.ts';
import { migrateUp } from './migrations.ts';
import { buildServer } from './server.ts';

async function main() {
  const config = readConfig();
  if (config.migrateOnStart) {
    await migrateUp(config.databaseUrl, (msg) => console.log(JSON.stringify({ level: 30, msg: `migrate: ${msg}` })));
  }
  const db = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
  // An idle client whose server went away emits 'error'; unhandled, it would end the process.
  db.on('error', (error) => console.error(JSON.stringify({ level: 40, msg: 'idle database client lost', err: error.message })));
  // Fail fast while Redis is down instead of queueing: health must answer, not hang.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => {}); // reported through health; ioredis keeps reconnecting
  await new Promise<void>((resolve) => {
    redis.once('ready', resolve);
    setTimeout(resolve, 5000).unref();
  });

  const app = await buildServer(config, { db, redis });
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ testMode: config.testMode }, 'api ready');

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.end();
    redis.disconnect();
    process.exit(0);
  };
  const onSignal = (signal: string) =>
    void shutdown(signal).catch((error: Error) => {
      app.log.error({ err: error.message }, 'unclean shutdown');
      process.exit(1);
    });
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
