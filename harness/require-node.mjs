// The suite runs its TypeScript directly (Node's type stripping), and its dependencies need
// the Node that package.json's "engines" names. Plain JavaScript, so that it runs, and
// explains, on any Node: playwright.config.ts imports it first, and npm scripts run it
// before a .ts file. The harness asks it too, of the Node an app image would run.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/** The oldest Node the suite and the app run on, e.g. "22.22". */
export const requiredNode = engines.node.replace(/^>=\s*/, '');

/** Whether a version such as "20.20.2" is at least requiredNode. */
export function newEnough(version) {
  const [have, need] = [version, requiredNode].map((v) => v.replace(/^v/, '').split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((have[i] ?? 0) !== (need[i] ?? 0)) return (have[i] ?? 0) > (need[i] ?? 0);
  return true;
}

if (!newEnough(process.versions.node)) {
  process.stderr.write(
    `This suite needs Node >= ${requiredNode}, and this is Node ${process.version} (${process.execPath}). ` +
      "Run `npm run setup`: it installs the project's own Node into node_modules, which `npx` and `npm run` then use " +
      '(Linux x64 and arm64). Elsewhere install Node 24 (macOS: brew install node@24; otherwise nvm, fnm or nodejs.org), then run npm ci.\n',
  );
  process.exit(1);
}
