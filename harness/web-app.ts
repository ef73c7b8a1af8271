// The web app as the suite serves it: a production build that reads the bug switches.
import { setEnv } from './env.ts';
import { repoRoot, webDistDir } from './paths.ts';

/** Builds it into `outDir`; Vite is loaded only when a build is asked for. */
export async function buildWebApp(outDir = webDistDir): Promise<void> {
  const { build } = await import('vite');
  const restoreEnv = setEnv({ VITE_TEST_HOOKS: 'on', NODE_ENV: 'production' });
  try {
    await build({ configFile: `${repoRoot}/app/web/vite.config.ts`, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    restoreEnv();
  }
}
