// `npm run regressions [-- <incident id>...] [--name=<part>...] [--blind | --team] [--shard=i/n]`: applies each alternative regression of
// catalog/regressions/ to a scratch copy of the working tree, runs its incident's replay
// there (project `replay`, the fix otherwise in place), and prints a table: caught (a test
// of the replay failed), missed (it passed: the spec needs more teeth), broken (the run
// failed before any test did, or the patch no longer applies), or not run (the replay
// needs what this mode lacks, or only the other mode's outage reaches the patched line).
// A missed or broken one fails the command, as does a run that caught nothing. E2E_STACK
// chooses the mode, as for the suite.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  realpathSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { endedUnexpectedly, runPlaywright, testsIn } from '../bench/playwright-json.ts';
import { chooseStackMode } from '../harness/index.ts';
import { ownScratchRoot, ownerId } from '../harness/ownership.ts';
import { repoRoot } from '../harness/paths.ts';
import { applyEdits, describeMiss } from './apply-edits.ts';
import { incident, incidents } from './incidents.ts';
import { type IncidentRegression, regressions } from './regressions/index.ts';

type Outcome = 'caught' | 'missed' | 'broken' | 'not run';

const args = process.argv.slice(2);
const shardArg = args.find((arg) => arg.startsWith('--shard='));
// --name=<part> picks regressions whose name contains it, to re-run one after a spec change.
const names = args.filter((arg) => arg.startsWith('--name=')).map((arg) => arg.slice('--name='.length).toLowerCase());
// --blind picks the regressions written blind, --team the others.
const authors: string[] = args.filter((arg) => arg === '--blind' || arg === '--team');
const asked = args.filter((arg) => arg !== shardArg && !arg.startsWith('--name=') && !authors.includes(arg));
const unknown = asked.filter((id) => !incidents.some((entry) => entry.id === id));
if (unknown.length > 0) {
  console.error(`regressions: unknown incident ${unknown.join(', ')}. Known: ${incidents.map((entry) => entry.id).join(', ')}.`);
  process.exit(2);
}
// --shard=i/n takes every n-th regression from the i-th, as Playwright's --shard splits tests.
const shard = /^--shard=(\d+)\/(\d+)$/.exec(shardArg ?? '--shard=1/1');
const [index, total] = shard ? [Number(shard[1]), Number(shard[2])] : [0, 0];
if (!shard || index < 1 || index > total) {
  console.error(`regressions: ${shardArg} is not a shard: write --shard=<i>/<n>, with 1 <= i <= n, e.g. --shard=2/4.`);
  process.exit(2);
}
const chosen = regressions
  .filter((r) => asked.length === 0 || asked.includes(r.incident))
  .filter((r) => names.length === 0 || names.some((part) => r.name.toLowerCase().includes(part)))
  .filter((r) => authors.length === 0 || authors.includes(r.blind ? '--blind' : '--team'))
  .filter((_, position) => position % total === index - 1);
if (chosen.length === 0) {
  console.error(
    `regressions: none to run for ${[...asked, ...names.map((part) => `names with "${part}"`)].join(', ') || 'the catalog'}${shardArg ? ` ${shardArg}` : ''}: add them to catalog/regressions/, or check the names there.`,
  );
  process.exit(2);
}

/**
 * The working tree as git sees it (tracked and new files, not ignored ones) with
 * node_modules, in a folder named for this process so the child run's sweep leaves it alone.
 */
function scratchCopy(): string {
  const dir = mkdtempSync(join(ownScratchRoot(), `${ownerId()}.regression-`));
  // As root, local mode's Postgres runs as its own user and must reach its binaries in here.
  chmodSync(dir, 0o711);
  const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' });
  if (files.status !== 0) throw new Error(`git ls-files failed: ${files.stderr}`);
  // Plain files only: a symlinked node_modules (a worktree's) is linked below, not copied.
  for (const file of files.stdout.split('\0').filter((name) => name && lstatSync(join(repoRoot, name)).isFile())) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dir, file), { force: true });
  }
  // Hard links: instant on one filesystem, and real files for the image build, whose
  // COPY cannot follow a symlink out of its context. Across filesystems, a symlink does
  // for local mode.
  const modules = realpathSync(join(repoRoot, 'node_modules'));
  const linked = spawnSync('cp', ['-al', modules, join(dir, 'node_modules')]);
  if (linked.status !== 0) symlinkSync(modules, join(dir, 'node_modules'));
  // This machine's settings (`npm run setup`'s images, a developer's .env) are ignored by git, but the run needs them.
  for (const file of ['.env', join('.e2e', 'setup.env')]) {
    if (!existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dir, file));
  }
  return dir;
}

function patch(dir: string, { edits }: IncidentRegression): string | undefined {
  const { patched, misses } = applyEdits(dir, edits);
  if (misses.length > 0) return `the patch no longer applies: ${misses.map((miss) => describeMiss(miss, edits.length)).join('; ')}`;
  for (const [file, text] of patched) writeFileSync(join(dir, file), text);
  return undefined;
}

async function attempt(regression: IncidentRegression): Promise<{ outcome: Outcome; detail: string }> {
  if (regression.onlyIn && regression.onlyIn !== mode) return { outcome: 'not run', detail: `only ${regression.onlyIn} mode reaches it` };
  const dir = scratchCopy();
  try {
    const refused = patch(dir, regression);
    if (refused) return { outcome: 'broken', detail: refused };
    const { spec } = incident(regression.incident);
    const env = { E2E_BUGS: '', E2E_STACK: mode };
    const { code, report } = await runPlaywright(['--project=replay', spec], { cwd: dir, env, stdout: 'ignore' });
    const failed = [...testsIn(report)].filter(({ test }) => endedUnexpectedly(test));
    if (failed.length > 0) {
      const first = stripVTControlCharacters(failed[0]!.test.results.at(-1)?.error?.message ?? '');
      return { outcome: 'caught', detail: `${failed[0]!.title}: ${first.split('\n')[0]}` };
    }
    if (code !== 0) {
      const why = stripVTControlCharacters(report.errors?.[0]?.message ?? '').split('\n')[0];
      return { outcome: 'broken', detail: `the run failed (exit ${code}) before any test did${why ? `: ${why}` : ''}` };
    }
    // Its replay needs what this mode lacks (catalog `needs`): the other mode answers for it.
    if (report.stats.expected === 0) return { outcome: 'not run', detail: `${report.stats.skipped} skipped in this mode` };
    return { outcome: 'missed', detail: `${report.stats.expected} passed, ${report.stats.skipped} skipped` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Chosen once, as the suite would, so every child run and each regression's `onlyIn` agree.
const { mode } = await chooseStackMode();
const rows: string[][] = [];
for (const regression of chosen) {
  const started = Date.now();
  const { outcome, detail } = await attempt(regression);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`${outcome.padEnd(6)} ${regression.incident} / ${regression.name} (${seconds} s): ${detail}`);
  rows.push([regression.incident, regression.name, outcome]);
}

const count = (outcome: Outcome) => rows.filter((row) => row[2] === outcome).length;
console.log(`\n| Incident | Regression | E2E_STACK=${mode} |\n|---|---|---|`);
for (const [id, name, outcome] of rows) console.log(`| \`${id}\` | ${name} | ${outcome} |`);
console.log(`\nregressions: ${count('caught')} of ${rows.length} caught, ${count('not run')} not run in this mode`);
process.exit(count('caught') + count('not run') === rows.length && count('caught') > 0 ? 0 : 1);
