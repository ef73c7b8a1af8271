// Shows that sharding works on this machine: runs the suite as two shards with the blob
// reporter, merges them, and checks that the merged report holds every test of the suite
// exactly once (and that both shards passed). Usage: node .ci/check-shards.ts [stack mode]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Suite {
  title: string;
  suites?: Suite[];
  specs?: { title: string; file: string; tests: { projectName: string; results: { status: string }[] }[] }[];
}
const mode = process.argv[2] ?? 'local';
const work = mkdtempSync(join(tmpdir(), 'e2e-shards-'));
const npx = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync('npx', args, {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });

/** Every test in a JSON report, as "project › file › title", with how often it ran. */
function tests(report: { suites: Suite[] }): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (suite: Suite, path: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const key = [test.projectName, spec.file, ...path, spec.title].join(' › ');
        found.set(key, [...(found.get(key) ?? []), ...test.results.map((r) => r.status)]);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites) walk(suite, []);
  return found;
}

/** Runs a Playwright command with the json reporter writing to a file (stdout may be cut short). */
function jsonReport(args: string[], env: NodeJS.ProcessEnv, name: string) {
  const file = join(work, name);
  npx([...args, '--reporter=json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  return JSON.parse(readFileSync(file, 'utf8')) as { suites: Suite[] };
}

const listed = tests(jsonReport(['playwright', 'test', '--list'], { E2E_STACK: mode }, 'listed.json'));
let shardsPassed = true;
for (const shard of [1, 2]) {
  const run = spawnSync('npx', ['playwright', 'test', `--shard=${shard}/2`, '--reporter=./reporters/scrub-secrets.ts,blob'], {
    env: { ...process.env, E2E_STACK: mode, PLAYWRIGHT_BLOB_OUTPUT_DIR: join(work, `blob-${shard}`) },
    stdio: 'inherit',
  });
  if (run.status !== 0) shardsPassed = false;
}
const all = join(work, 'all');
mkdirSync(all);
for (const shard of [1, 2])
  for (const file of readdirSync(join(work, `blob-${shard}`))) cpSync(join(work, `blob-${shard}`, file), join(all, file));
const merged = tests(jsonReport(['playwright', 'merge-reports', all], {}, 'merged.json'));
npx(['playwright', 'merge-reports', '--reporter=html', all], {
  PLAYWRIGHT_HTML_OUTPUT_DIR: join(work, 'html'),
  PLAYWRIGHT_HTML_OPEN: 'never',
});

const missing = [...listed.keys()].filter((key) => !merged.has(key));
const twice = [...merged].filter(([, runs]) => runs.length !== 1).map(([key, runs]) => `${key} (${runs.length}×)`);
const unknown = [...merged.keys()].filter((key) => !listed.has(key));
console.log(`shards: ${listed.size} tests listed, ${merged.size} in the merged report (${join(work, 'html')})`);
for (const key of missing) console.log(`  missing: ${key}`);
for (const key of twice) console.log(`  not exactly once: ${key}`);
for (const key of unknown) console.log(`  not in the suite: ${key}`);
const ok = shardsPassed && missing.length === 0 && twice.length === 0 && unknown.length === 0;
console.log(`shard check: ${ok ? 'ok' : `FAILED${shardsPassed ? '' : ' (a shard had failing tests)'}`}`);
process.exit(ok ? 0 : 1);
