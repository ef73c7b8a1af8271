// `npm run bench [-- --runs N]`: the suite's speed on this machine, measured and written
// to bench/results.json and bench/results.md with the date, machine and commit. It is a
// benchmark, not a test: a missed target is reported with its reason, and the command
// fails only if it cannot run.
//
//   stack ready      from nothing to the first successful sign-in round trip, per mode
//   isolation        per-test cost of the chosen strategy (a tenant) and the alternatives
//   whole suite      every project, start-up included, per mode and worker count: wall
//                    time, stacks booted, and where the time went
//   time compression per replay, simulated time covered / wall time
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import pg from 'pg';
import { migrateUp } from '../app/api/src/migrations.ts';
import { HOOK_SECRET_HEADER, type TestTenant } from '../app/shared/api-types.ts';
import { AnnotationType } from '../fixtures/annotations.ts';
import { type StackModeName, loadDotEnv } from '../harness/env.ts';
import { dockerClient } from '../harness/docker.ts';
import { bootsThisRun, prepareStack, stackModes, startStack } from '../harness/index.ts';
import { repoRoot } from '../harness/paths.ts';
import type { Stack } from '../harness/stack.ts';
import { type JsonReport, endedUnexpectedly, runPlaywright, testsIn } from './playwright-json.ts';
import { hookRoutes, pathTo, routes } from '../app/shared/routes.ts';

loadDotEnv();
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const ISOLATION_RUNS = 10;
// The default (cores + 1) and one either side of it: the table shows why it is the default.
const DEFAULT_WORKERS = os.availableParallelism() + 1;
const WORKER_COUNTS = [DEFAULT_WORKERS - 1, DEFAULT_WORKERS, DEFAULT_WORKERS + 1];
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}
const spread = (xs: number[]): Spread => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, runs: xs.length };
};
async function repeat(times: number, once: () => Promise<number>): Promise<Spread> {
  const xs: number[] = [];
  for (let i = 0; i < times; i++) xs.push(await once());
  return spread(xs);
}
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

async function api<T>(stack: Stack, method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { [HOOK_SECRET_HEADER]: stack.hookSecret, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Start a stack, sign a user in, stop it: ms to the first successful sign-in. */
async function stackReady(mode: StackModeName, label: string): Promise<number> {
  const started = performance.now();
  const stack = await startStack(stackModes[mode], { label });
  try {
    const tenant = await api<TestTenant>(stack, 'POST', hookRoutes.tenants, { name: 'bench' });
    await api(stack, 'POST', routes.login, { email: tenant.member.email, password: tenant.member.password });
    return performance.now() - started;
  } finally {
    await stack.stop();
  }
}

/** ms per test for each way of giving a test its own data. */
async function isolation(stack: Stack): Promise<Record<string, Spread>> {
  const admin = new pg.Client({ connectionString: stack.databaseUrl });
  await admin.connect();
  const databaseUrl = (name: string) => Object.assign(new URL(stack.databaseUrl), { pathname: `/${name}` }).toString();
  try {
    await admin.query('CREATE DATABASE bench_template');
    await migrateUp(databaseUrl('bench_template'), () => {});
    await admin.query('CREATE DATABASE bench_scratch TEMPLATE bench_template');
    const scratch = new pg.Client({ connectionString: databaseUrl('bench_scratch') });
    await scratch.connect();
    const { rows } = await scratch.query<{ t: string }>(
      "SELECT quote_ident(table_name) AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'pgmigrations'",
    );
    const tables = rows.map((row) => row.t).join(', ');
    let n = 0;
    const results = {
      'tenant (chosen): create and delete one, over HTTP': await repeat(ISOLATION_RUNS, () =>
        timed(async () => {
          const tenant = await api<TestTenant>(stack, 'POST', hookRoutes.tenants, { name: 'bench' });
          await api(stack, 'DELETE', pathTo(hookRoutes.tenant, { id: tenant.tenantId }));
        }),
      ),
      'database from a migrated template: create and drop': await repeat(ISOLATION_RUNS, () =>
        timed(async () => {
          const name = `bench_copy_${n++}`;
          await admin.query(`CREATE DATABASE ${name} TEMPLATE bench_template`);
          await admin.query(`DROP DATABASE ${name}`);
        }),
      ),
      'truncate every table': await repeat(ISOLATION_RUNS, () => timed(() => scratch.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`))),
      're-migrate: drop the schema, run every migration': await repeat(ISOLATION_RUNS, () =>
        timed(async () => {
          await scratch.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
          await migrateUp(databaseUrl('bench_scratch'), () => {});
        }),
      ),
    };
    await scratch.end();
    return results;
  } finally {
    await admin.query('DROP DATABASE IF EXISTS bench_scratch').catch(() => {});
    await admin.query('DROP DATABASE IF EXISTS bench_template').catch(() => {});
    await admin.end();
  }
}

/** Summed test time (ms), by what it was spent on. */
interface TimeSpent {
  /** Waiting for a lease of the run's own stack (its boot included, for the first). */
  ownStackWait: number;
  /** Everything outside the test's steps: other fixtures (browser context, tenant, page), hooks, evidence. */
  fixtures: number;
  conditions: number;
  action: number;
  recovery: number;
  /** Summed duration of the tests that hold the own stack: one at a time, so a floor under the wall time. */
  ownStackChain: number;
}

interface SuiteRun {
  workers: number;
  wallMs: number;
  /** Every stack the run booted, with seconds to ready. */
  boots: { label: string; seconds: number }[];
  passed: number;
  failed: number;
  /** Which tests did not end as expected: a benchmark that hides a flake would be one more place for it to hide. */
  failures: string[];
  spent: TimeSpent;
  report: JsonReport;
}

function timeSpent(report: JsonReport): TimeSpent {
  const spent: TimeSpent = { ownStackWait: 0, fixtures: 0, conditions: 0, action: 0, recovery: 0, ownStackChain: 0 };
  for (const { test } of testsIn(report)) {
    for (const result of test.results) {
      const wait = test.annotations.find((a) => a.type === AnnotationType.ownStackWaited);
      let inSteps = 0;
      for (const step of result.steps ?? []) {
        const kind = (['conditions', 'action', 'recovery'] as const).find((k) => step.title.startsWith(k));
        if (kind) spent[kind] += step.duration;
        inSteps += step.duration;
      }
      // A test's duration leaves out fixtures with a timeout of their own, as the lease's is.
      spent.ownStackWait += Number(wait?.description ?? 0);
      spent.fixtures += result.duration - inSteps;
      if (wait) spent.ownStackChain += result.duration;
    }
  }
  return spent;
}

/** An error's headline with what it expected and received, on one line: "toContainText failed" alone cannot be diagnosed. */
function errorGist(message: string): string {
  const lines = stripVTControlCharacters(message).split('\n');
  const end = lines.findIndex((line) => line.startsWith('Call log:'));
  return lines
    .slice(0, end < 0 ? 8 : Math.min(end, 8))
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' / ');
}

/** Every project, as a user runs it, start-up included. */
async function wholeSuite(mode: StackModeName, workers: number): Promise<SuiteRun> {
  const started = performance.now();
  const { code, report } = await runPlaywright([`--workers=${workers}`], { env: { E2E_STACK: mode }, stdout: 'ignore' });
  const wallMs = performance.now() - started;
  const boots = bootsThisRun();
  const booted = boots.map(({ label, seconds }) => `${label} ${seconds} s`).join(', ');
  const failures = [...testsIn(report)]
    .filter(({ test }) => endedUnexpectedly(test))
    .map(({ file, title, test }) => `[${test.projectName}] ${file} › ${title}: ${errorGist(test.results.at(-1)?.error?.message ?? '')}`);
  log(`whole suite, ${mode}, ${workers} workers: ${(wallMs / 1000).toFixed(1)} s, ${boots.length} stacks (${booted}), exit ${code}`);
  for (const failure of failures) log(`  failed: ${failure}`);
  const { expected, unexpected, flaky } = report.stats;
  return { workers, wallMs, boots, passed: expected, failed: unexpected + flaky, failures, spent: timeSpent(report), report };
}

interface Compression {
  incident: string;
  test: string;
  wallMs: number;
  simulatedMs: number;
}
function compression(report: JsonReport): Compression[] {
  return [...testsIn(report)].flatMap(({ title, test }) => {
    const simulated = test.annotations.find((a) => a.type === AnnotationType.simulatedTime);
    if (test.projectName !== 'replay' || !simulated) return [];
    return [
      {
        incident: test.annotations.find((a) => a.type === AnnotationType.incident)?.description ?? '?',
        test: title,
        wallMs: test.results[0]?.duration ?? 0,
        simulatedMs: Number(simulated.description),
      },
    ];
  });
}

// ---- measure (or, with --render, re-render the stored figures)
interface Results {
  date: string;
  machine: string;
  commit: string;
  runs: number;
  stackReady: Partial<Record<StackModeName, Spread>>;
  isolationMode: StackModeName;
  isolation: Record<string, Spread>;
  wholeSuite: (Omit<SuiteRun, 'report'> & { mode: StackModeName })[];
  compression: Compression[];
}
const resultsJson = join(repoRoot, 'bench/results.json');

async function measure(): Promise<Results> {
  const modes: StackModeName[] = (await dockerClient()) ? ['containers', 'local'] : ['local'];
  const suiteMode = modes[0]!;
  const stackReadyMs: Partial<Record<StackModeName, Spread>> = {};
  for (const mode of modes) {
    await prepareStack(stackModes[mode], log);
    await stackReady(mode, 'bench-warmup'); // a run's first start pays one-off costs (image checks, caches)
    stackReadyMs[mode] = await repeat(RUNS, () => stackReady(mode, 'bench'));
    log(`stack ready, ${mode}: median ${(stackReadyMs[mode]!.median / 1000).toFixed(1)} s`);
  }
  const isolationStack = await startStack(stackModes[suiteMode], { label: 'bench-isolation' });
  const perTest = await isolation(isolationStack).finally(() => isolationStack.stop());
  const suites: (SuiteRun & { mode: StackModeName })[] = [];
  for (const mode of modes) for (const workers of WORKER_COUNTS) suites.push({ mode, ...(await wholeSuite(mode, workers)) });
  const compressionRun = suites.find((x) => x.mode === suiteMode && x.workers === DEFAULT_WORKERS) ?? suites[0]!;
  return {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim(),
    runs: RUNS,
    stackReady: stackReadyMs,
    isolationMode: suiteMode,
    isolation: perTest,
    wholeSuite: suites.map(({ report: _, ...r }) => r),
    compression: compression(compressionRun.report),
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const span = (ms: number) =>
  ms >= 86_400_000
    ? `${(ms / 86_400_000).toFixed(1)} d`
    : ms >= 3_600_000
      ? `${(ms / 3_600_000).toFixed(1)} h`
      : ms >= 60_000
        ? `${(ms / 60_000).toFixed(1)} min`
        : s(ms);
const verdict = (met: boolean, why: string) => (met ? 'met' : `**missed**: ${why}`);
const READY_TARGET_MS: Partial<Record<StackModeName, number>> = { containers: 8_000, local: 3_000 };
const READY_MISSED: Partial<Record<StackModeName, string>> = {
  containers:
    'the four containers start in sequence and the api migrates on start; starting web beside the api, and a Postgres image with the schema baked in, would cut it',
  local:
    'each start runs initdb on a fresh Postgres folder, then starts the api (which migrates) and the web one after the other; one folder initialised per run and copied per worker, and the web started beside the api, are the likely cuts (not yet measured)',
};
const ISOLATION_MISSED = 'CREATE DATABASE copies the template files and checkpoints; one reason the tenant was chosen';
// The whole suite before one shared stack per run (six stacks a run, 2 workers), and the target since.
const SUITE_BEFORE_MS: Partial<Record<StackModeName, number>> = { containers: 146_000, local: 134_000 };
const SUITE_TARGET_MS: Partial<Record<StackModeName, number>> = { containers: 75_000, local: 60_000 };
/** Boots and the own-stack chain, which no worker count overlaps: a floor under the wall time. */
const floorMs = (x: Pick<SuiteRun, 'boots' | 'spent'>) =>
  x.boots.reduce((sum, boot) => sum + 1000 * boot.seconds, 0) + x.spent.ownStackChain;
const suiteMissed = (x: Pick<SuiteRun, 'boots' | 'spent' | 'workers'>) =>
  `${s(floorMs(x))} of it is a floor (the two boots, and the own-stack tests one at a time); the rest is CPU: ${x.workers} workers' browsers share the cores with both stacks`;
const REPLAY_MISSED =
  'the wall time is real work (page loads, round trips, and for dependency-outage two service restarts), not waiting; it rises under two parallel workers';

function render(r: Results): string {
  const modes = Object.keys(r.stackReady) as StackModeName[];
  return [
    '# Benchmark',
    '',
    `Measured ${r.date.slice(0, 10)} on ${r.machine}, commit ${r.commit}, with \`npm run bench\` (${r.runs} runs per figure after one warm-up; isolation ${ISOLATION_RUNS}).`,
    'Re-render this file from `bench/results.json` with `npm run bench -- --render`.',
    '',
    '## Stack ready (nothing → first successful sign-in)',
    '',
    '| mode | median | min | max | target | verdict |',
    '|---|---|---|---|---|---|',
    ...modes.map((mode) => {
      const x = r.stackReady[mode]!;
      const target = READY_TARGET_MS[mode]!;
      return `| ${mode} | ${s(x.median)} | ${s(x.min)} | ${s(x.max)} | ≤ ${s(target)} | ${verdict(x.median <= target, READY_MISSED[mode]!)} |`;
    }),
    '',
    `## Per-test isolation (${r.isolationMode} stack)`,
    '',
    '| strategy | median | min | max | target | verdict |',
    '|---|---|---|---|---|---|',
    ...Object.entries(r.isolation).map(
      ([name, x]) =>
        `| ${name} | ${x.median.toFixed(0)} ms | ${x.min.toFixed(0)} ms | ${x.max.toFixed(0)} ms | ≤ 100 ms | ${verdict(x.median <= 100, ISOLATION_MISSED)} |`,
    ),
    '',
    'Truncating and re-migrating are faster, but reset the whole database: they would serialise the tests of a worker against its shared api and Postgres, and cannot run against an external stack. A tenant isolates tests that run side by side.',
    '',
    '## Whole suite (every project, start-up included)',
    '',
    `One run per row, so expect a few seconds of noise. "Before" is the suite when every worker started its own stack: six stacks a run, 2 workers.`,
    '',
    '| mode | workers | wall | before | stacks booted | tests as expected | not | target | verdict |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.wholeSuite.map((x) => {
      const target = SUITE_TARGET_MS[x.mode]!;
      const why = x.failed ? `failed: ${x.failures.join('; ')}` : suiteMissed(x);
      return `| ${x.mode} | ${x.workers} | ${s(x.wallMs)} | ${s(SUITE_BEFORE_MS[x.mode]!)} | ${x.boots.length} (${x.boots.map((b) => `${b.label} ${b.seconds} s`).join(', ')}) | ${x.passed} | ${x.failed} | ≤ ${s(target)} | ${verdict(x.wallMs <= target && x.failed === 0, why)} |`;
    }),
    '',
    '## Where the time goes',
    '',
    "Test time summed over every test (so several times the wall time), by what it was spent on; waiting for the own stack is outside a test's reported duration. The own-stack chain is the summed time of the tests that stop, restart or alter a service: they take turns on the run's own stack, which boots when the first of them asks, so no worker count brings the wall time below the floor: both boots plus the chain.",
    '',
    '| mode | workers | waiting for the own stack | other fixtures and hooks | conditions | action | recovery | own-stack chain | floor |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.wholeSuite.map((x) => {
      const t = x.spent;
      return `| ${x.mode} | ${x.workers} | ${s(t.ownStackWait)} | ${s(t.fixtures)} | ${s(t.conditions)} | ${s(t.action)} | ${s(t.recovery)} | ${s(t.ownStackChain)} | ${s(floorMs(x))} |`;
    }),
    '',
    `## Time compression (replay project, ${r.isolationMode}, default workers)`,
    '',
    '| incident | test | simulated | wall | compression | wall ≤ 5 s |',
    '|---|---|---|---|---|---|',
    ...r.compression.map(
      (x) =>
        `| ${x.incident} | ${x.test.slice(0, 60)}… | ${span(x.simulatedMs)} | ${s(x.wallMs)} | ${(x.simulatedMs / x.wallMs).toFixed(1)}× | ${verdict(x.wallMs <= 5_000, REPLAY_MISSED)} |`,
    ),
    '',
    'Wall time is the test with its fixtures, as the report shows it. Replays not listed move no clock: their incidents are races, not waits.',
    '',
  ].join('\n');
}

const results = process.argv.includes('--render') ? (JSON.parse(readFileSync(resultsJson, 'utf8')) as Results) : await measure();
writeFileSync(resultsJson, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(repoRoot, 'bench/results.md'), render(results));
console.log(render(results));
