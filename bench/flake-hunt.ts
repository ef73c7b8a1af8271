// `npm run test:flake [-- --repeat N] [playwright args]`: the whole suite, each test N
// times (default 10), while a bounded CPU load keeps every core busy, because timing
// flakes hide on an idle machine. Prints failures against total runs; any failure fails
// the command. The cure for a flake is at its cause, never a retry.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { repoRoot } from '../harness/paths.ts';

const args = process.argv.slice(2);
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Number(args.splice(repeatAt, 2)[1]) : 10;
const BUSY_MS = 60;
const IDLE_MS = 40;

// One thread per core, busy 60% of each 100 ms: the machine is loaded, the suite still runs.
const load = os.cpus().map(
  () =>
    new Worker(
      `const pause = new Int32Array(new SharedArrayBuffer(4));
       for (;;) { const end = Date.now() + ${BUSY_MS}; while (Date.now() < end); Atomics.wait(pause, 0, 0, ${IDLE_MS}); }`,
      { eval: true },
    ),
);

const dir = mkdtempSync(join(os.tmpdir(), 'e2e-flake-'));
const output = join(dir, 'report.json');
const code = await new Promise<number>((resolve) => {
  const child = spawn('npx', ['playwright', 'test', `--repeat-each=${repeat}`, '--reporter=./reporters/scrub-secrets.ts,dot,json', ...args], {
    cwd: repoRoot,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output },
    stdio: 'inherit',
  });
  child.on('exit', (exitCode) => resolve(exitCode ?? 1));
});
await Promise.all(load.map((worker) => worker.terminate()));

interface Suite {
  suites?: Suite[];
  specs?: { title: string; file: string; tests: { projectName: string; status: string; results: { status: string }[] }[] }[];
}
const report = JSON.parse(readFileSync(output, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites: Suite[] };
rmSync(dir, { recursive: true, force: true });
const failing = new Map<string, number>();
const walk = (suite: Suite) => {
  suite.suites?.forEach(walk);
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
      const name = `[${test.projectName}] ${spec.file} › ${spec.title}`;
      failing.set(name, (failing.get(name) ?? 0) + 1);
    }
  }
};
report.suites.forEach(walk);
const { expected, unexpected, flaky, skipped } = report.stats;
const total = expected + unexpected + flaky;
console.log(`flake hunt: ${unexpected + flaky} failures in ${total} runs (--repeat-each ${repeat}, ${load.length} load threads at ${Math.round((100 * BUSY_MS) / (BUSY_MS + IDLE_MS))}% CPU, ${skipped} skipped)`);
for (const [name, times] of failing) console.log(`  ${times}× ${name}`);
process.exit(unexpected + flaky > 0 || code !== 0 ? 1 : 0);
