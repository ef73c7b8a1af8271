// Runs `playwright test` with the secret scrubber first and a JSON report written to a
// file (stdout may cut it short), and walks that report's tests. The benchmark and the
// flake hunt both judge a run by every test's outcome.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../harness/paths.ts';

export interface JsonTest {
  projectName: string;
  /** expected, unexpected, flaky or skipped */
  status: string;
  annotations: { type: string; description?: string }[];
  results: { duration: number; error?: { message?: string }; steps?: { title: string; duration: number }[] }[];
}
interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { title: string; file: string; tests: JsonTest[] }[];
}
export interface JsonReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: JsonSuite[];
  /** Errors outside any test, e.g. a global setup that could not start the stack. */
  errors?: { message?: string }[];
}

/** `extraReporters` print while it runs (e.g. `dot`); `stdio` is the child's stdout and stderr; `cwd` another copy of the repository. */
export async function runPlaywright(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; extraReporters?: string[]; stdout: 'inherit' | 'ignore' },
): Promise<{ code: number; report: JsonReport }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'e2e-json-report-'));
  const output = join(dir, 'report.json');
  try {
    const reporters = ['./reporters/scrub-secrets.ts', ...(options.extraReporters ?? []), 'json'].join(',');
    const code = await new Promise<number>((resolve) => {
      const child = spawn('npx', ['playwright', 'test', ...args, `--reporter=${reporters}`], {
        cwd: options.cwd ?? repoRoot,
        env: { ...process.env, ...options.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output },
        stdio: ['ignore', options.stdout, 'inherit'],
      });
      child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    });
    return { code, report: JSON.parse(readFileSync(output, 'utf8')) as JsonReport };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every test of the report, with the file and title of its spec. */
export function* testsIn(report: JsonReport): Generator<{ file: string; title: string; test: JsonTest }> {
  const walk = function* (suite: JsonSuite): Generator<{ file: string; title: string; test: JsonTest }> {
    for (const child of suite.suites ?? []) yield* walk(child);
    for (const spec of suite.specs ?? []) for (const test of spec.tests) yield { file: spec.file, title: spec.title, test };
  };
  for (const suite of report.suites) yield* walk(suite);
}

export const endedUnexpectedly = (test: JsonTest) => test.status === 'unexpected' || test.status === 'flaky';
