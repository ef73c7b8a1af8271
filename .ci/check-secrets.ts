// The secret scan: searches every artifact of the run just finished (reports, traces,
// JUnit, logs) for the exact secret values that run used or issued, and fails if any
// turns up. It first proves it can fail: a real token planted in a log, in a zip and in
// base64 must each be found, or the scan itself is broken.
//
//   node .ci/check-secrets.ts playwright-report test-results blob-report ci.log
//
// With --prove-paths it runs the planted-secrets spec twice and scans what each left:
// once to the end (secrets printed to stdout and stderr, put in an annotation and a
// trace), and once terminated with SIGTERM mid-test, as a CI timeout does.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { readSecrets, secretLedgerDir } from '../redaction/ledger.ts';
import { filesUnder, findSecrets } from '../redaction/redact.ts';

/** How a secret is named in output: never any part of its value. */
const fingerprint = (secret: string) => `${secret.startsWith('eyJ') ? 'an access token' : 'a secret'} of ${secret.length} chars`;

function leaksIn(paths: string[], secrets: string[]): { files: number; leaks: string[] } {
  let files = 0;
  const leaks: string[] = [];
  for (const path of paths) {
    for (const file of filesUnder(path)) {
      files += 1;
      try {
        for (const secret of findSecrets(readFileSync(file), secrets)) leaks.push(`${file}: ${fingerprint(secret)}`);
      } catch (error) {
        // A zip cut short (a run killed while writing it) cannot be shown clean: it counts as a leak.
        leaks.push(`${file}: unreadable (${(error as Error).message}), so it cannot be shown clean`);
      }
    }
  }
  return { files, leaks };
}

if (process.argv[2] === '--prove-paths') process.exit(await provePaths());

const secrets = readSecrets();
const issued = secrets.filter((secret) => secret.startsWith('eyJ')); // access tokens (JWTs)
if (issued.length === 0) {
  console.error(`secret scan: no issued tokens in the ledger (${secretLedgerDir()}); run the suite first, or the scan proves nothing`);
  process.exit(1);
}

// Self-check with a real token of this run.
const planted = mkdtempSync(join(tmpdir(), 'e2e-planted-'));
try {
  const token = issued[0]!;
  writeFileSync(join(planted, 'api.log'), `{"level":30,"msg":"incoming request","authorization":"Bearer ${token}"}\n`);
  writeFileSync(
    join(planted, 'trace.zip'),
    zipSync({ 'trace.network': Buffer.from(`{"headers":[{"name":"Authorization","value":"Bearer ${token}"}]}`) }),
  );
  writeFileSync(
    join(planted, 'report.jsonl'),
    JSON.stringify({ attachment: { base64: Buffer.from(`token=${token}`).toString('base64') } }),
  );
  const { files, leaks } = leaksIn([planted], secrets);
  if (leaks.length !== files) {
    console.error(`secret scan: BROKEN, a planted token was found in ${leaks.length} of ${files} planted files`);
    process.exit(1);
  }
  console.log(`secret scan: a planted token is found in a log, a zip and base64 (${leaks.length}/${files})`);
} finally {
  rmSync(planted, { recursive: true, force: true });
}

const paths = process.argv.slice(2);
const { files, leaks } = leaksIn(paths, secrets);
if (files === 0) {
  console.error(`secret scan: nothing to scan under ${paths.join(', ') || '(no paths given)'}`);
  process.exit(1);
}
if (leaks.length > 0) {
  console.error(`secret scan: FAILED, ${leaks.length} secret value(s) of this run in published artifacts:`);
  for (const leak of leaks) console.error(`  ${leak}`);
  process.exit(1);
}
console.log(
  `secret scan: ok, ${secrets.length} secrets of this run (${issued.length} access tokens), none in ${files} files under ${paths.join(', ')}`,
);

/** Runs the planted spec; with `terminate`, sends SIGTERM once it waits mid-test. Its live output is the log. */
async function plantedRun(terminate: boolean): Promise<{ exitCode: number | null; log: string }> {
  const runner = spawn('node_modules/.bin/playwright', ['test', '--project=secrets-proof'], {
    env: { ...process.env, E2E_PROVE_SCRUBBING: terminate ? 'sigterm' : '1', E2E_STACK: process.env.E2E_STACK ?? 'local' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let sent = false;
  const collect = (chunk: Buffer) => {
    log += chunk;
    if (terminate && !sent && log.includes('planted: waiting for SIGTERM')) sent = runner.kill('SIGTERM');
  };
  runner.stdout.on('data', collect);
  runner.stderr.on('data', collect);
  const exitCode = await new Promise<number | null>((resolve) => runner.on('exit', (code) => resolve(code)));
  return { exitCode, log };
}

async function provePaths(): Promise<number> {
  const problems: string[] = [];
  const scan = (label: string, log: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-proof-log-'));
    writeFileSync(join(dir, 'live.log'), log);
    const { files, leaks } = leaksIn([dir, 'test-results', 'playwright-report'], readSecrets());
    rmSync(dir, { recursive: true, force: true });
    if (leaks.length > 0) problems.push(`${label}: ${leaks.length} leak(s):\n    ${leaks.join('\n    ')}`);
    return files;
  };

  const whole = await plantedRun(false);
  const proof = existsSync('test-results/scrubbing-proof.json') ? readFileSync('test-results/scrubbing-proof.json', 'utf8') : '';
  if (whole.exitCode !== 0) problems.push(`the planted run failed (exit ${whole.exitCode}):\n${whole.log.slice(-2000)}`);
  for (const [path, seen] of [
    ['live stdout', whole.log.includes('planted on stdout: [redacted secret] [redacted secret]')],
    ['live stderr', whole.log.includes('planted on stderr: [redacted secret]')],
    ['an annotation', proof.includes('a token in an annotation: [redacted secret]')],
  ] as const) {
    if (!seen) problems.push(`${path}: the planted secret did not arrive redacted, so this path is unproven`);
  }
  const files = scan('a whole run', whole.log);

  const cut = await plantedRun(true);
  if (!cut.log.includes('[e2e] SIGTERM: redacted'))
    problems.push(`SIGTERM: the run never reached the planted wait, or ignored the signal:\n${cut.log.slice(-2000)}`);
  const cutFiles = scan('a run ended by SIGTERM', cut.log);

  if (problems.length > 0) {
    console.error(`secret scan --prove-paths: FAILED\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log(
    `secret scan --prove-paths: planted secrets come out redacted on live stdout, stderr and in an annotation; none in ${files} files of a whole run, nor in ${cutFiles} files of a run ended by SIGTERM (exit ${cut.exitCode})`,
  );
  return 0;
}
