// The suite runs its TypeScript directly (Node's type stripping), and its dependencies need
// the Node that package.json's "engines" names. Plain JavaScript, so that it runs, and
// explains, on any Node: playwright.config.ts imports it first, and npm scripts run it
// before a .ts file.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const required = engines.node.replace(/^>=\s*/, '');
const newer = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return true;
};
if (!newer(process.versions.node, required)) {
  process.stderr.write(
    `This suite needs Node >= ${required}, and this is Node ${process.version} (${process.execPath}). ` +
      'Run `npm run setup`: it installs the project\'s own Node into node_modules, which `npx` and `npm run` then use ' +
      '(Linux x64 and arm64). Elsewhere install Node 24 (macOS: brew install node@24; otherwise nvm, fnm or nodejs.org), then run npm ci.\n',
  );
  process.exit(1);
}
