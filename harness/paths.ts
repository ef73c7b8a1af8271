import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Test-mode build of the web app used by local mode (the containers build their own). */
export const webDistDir = fileURLToPath(new URL('../app/web/dist', import.meta.url));
