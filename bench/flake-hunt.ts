// `npm run test:flake [-- --repeat N] [playwright args]`: the whole suite, each test N
// times (default 10), while a bounded CPU load keeps every core busy, because timing
// flakes hide on an idle machine. Prints failures against total runs; any failure fails
// the command. The cure for a flake is at its cause, never a retry.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { endedUnexpectedly, runPlaywright, testsIn } from './playwright-json.ts';

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

const { code, report } = await runPlaywright([`--repeat-each=${repeat}`, ...args], { extraReporters: ['dot'], stdout: 'inherit' });
await Promise.all(load.map((worker) => worker.terminate()));

const failing = new Map<string, number>();
for (const { file, title, test } of testsIn(report)) {
  if (!endedUnexpectedly(test)) continue;
  const name = `[${test.projectName}] ${file} › ${title}`;
  failing.set(name, (failing.get(name) ?? 0) + 1);
}
const { expected, unexpected, flaky, skipped } = report.stats;
const total = expected + unexpected + flaky;
console.log(
  `flake hunt: ${unexpected + flaky} failures in ${total} runs (--repeat-each ${repeat}, ${load.length} load threads at ${Math.round((100 * BUSY_MS) / (BUSY_MS + IDLE_MS))}% CPU, ${skipped} skipped)`,
);
for (const [name, times] of failing) console.log(`  ${times}× ${name}`);
process.exit(unexpected + flaky > 0 || code !== 0 ? 1 : 0);
