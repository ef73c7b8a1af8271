// The secret scan: searches every artifact of the run just finished (reports, traces,
// JUnit, logs) for the exact secret values that run used or issued, and fails if any
// turns up. It first proves it can fail: a real token planted in a log, in a zip and in
// base64 must each be found, or the scan itself is broken.
//
//   node .ci/check-secrets.ts playwright-report test-results blob-report ci.log
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
      for (const secret of findSecrets(readFileSync(file), secrets)) leaks.push(`${file}: ${fingerprint(secret)}`);
    }
  }
  return { files, leaks };
}

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
