// `node catalog/check-regressions.ts`: every edit of every alternative regression still
// applies to the working tree, as the runner would apply it, without running a test. A fix
// that moves its code then fails CI in seconds, not the nightly campaign hours later.
import { readdirSync } from 'node:fs';
import { repoRoot } from '../harness/paths.ts';
import { type Miss, applyEdits, describeMiss } from './apply-edits.ts';
import { regressions } from './regressions/index.ts';

const advice = ({ count, afterEarlierEdits }: Miss) => {
  if (count === undefined) return 'the file moved; update its path';
  if (count > 1) return 'the find is ambiguous; lengthen it';
  return `the code moved${afterEarlierEdits ? ' or an earlier edit changed it' : ''}; update the find`;
};

const problems: string[] = [];
for (const { incident, name, edits } of regressions) {
  for (const miss of applyEdits(repoRoot, edits).misses)
    problems.push(
      `${incident} / ${JSON.stringify(name)}: ${describeMiss(miss, edits.length)}: ${advice(miss)} in catalog/regressions/${incident}.ts`,
    );
}
// A file the index does not import is a set of regressions that never run.
const listed = new Set(regressions.map(({ incident }) => `${incident}.ts`));
for (const file of readdirSync(new URL('regressions/', import.meta.url)).filter((name) => name !== 'index.ts' && !listed.has(name)))
  problems.push(`catalog/regressions/${file}: none of its regressions are listed; import it in catalog/regressions/index.ts`);

// A check that checked nothing passes nothing.
if (regressions.length === 0) problems.push('regressions: none listed in catalog/regressions/index.ts, so nothing was checked');
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
const edits = regressions.reduce((sum, regression) => sum + regression.edits.length, 0);
console.log(`regressions: ${edits} edits of ${regressions.length} regressions, every find occurs exactly once`);
