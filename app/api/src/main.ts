import { readConfig } from './config.ts';
import { connectDatabase, connectRedis, dependencyFailure } from './dependencies.ts';
import { migrateUp } from './migrations.ts';
import { buildServer } from './server.ts';

async function main() {
  const config = readConfig();
  if (config.migrateOnStart) {
    await migrateUp(config.databaseUrl, (msg) => console.log(JSON.stringify({ level: 30, msg: `migrate: ${msg}` })));
  }
  const db = connectDatabase(config.databaseUrl);
  const redis = connectRedis(config.redisUrl);
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
  const message = error instanceof Error ? error.message : String(error);
  // One line that says what to change. A refused login is the usual first deployment on an
  // old volume: the database keeps the credentials it was created with.
  console.error(
    dependencyFailure(error) === 'authentication failed'
      ? `The database refused the api's login (${message}): DATABASE_URL must carry the user and password the database was created with.`
      : message,
  );
  process.exit(1);
});
