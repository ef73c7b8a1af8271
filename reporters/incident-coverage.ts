// Prints, after a run, every catalog entry with what happened to it in each project:
// the replay passed or failed, and the reintroduced run caught its bug, failed for
// another reason, or passed (no teeth). An entry no test ran is listed too, so a missing
// spec shows as a gap rather than as silence.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { incidents } from '../catalog/incidents.ts';

type Verdict = 'passed' | 'failed' | 'bug caught' | 'wrong failure' | 'no teeth' | `skipped${string}`;

export default class IncidentCoverage implements Reporter {
  private readonly verdicts = new Map<string, Map<string, Verdict[]>>();

  onTestEnd(test: TestCase, result: TestResult): void {
    const incident = test.annotations.find((a) => a.type === 'incident')?.description;
    const project = test.parent.project()?.name;
    if (!incident || !project) return;
    const byProject = this.verdicts.get(incident) ?? new Map<string, Verdict[]>();
    this.verdicts.set(incident, byProject);
    const judged = result.annotations.find((a) => ['bug caught', 'wrong failure', 'no teeth'].includes(a.type))?.type as Verdict | undefined;
    const skipReason = [...test.annotations, ...result.annotations].find((a) => a.type === 'skip')?.description;
    const skipped: Verdict = `skipped${skipReason ? ` (${skipReason.replace(/:.*$/, '')})` : ''}`;
    const verdict: Verdict = result.status === 'skipped' ? skipped : (judged ?? (result.status === 'passed' ? 'passed' : 'failed'));
    byProject.set(project, [...(byProject.get(project) ?? []), verdict]);
  }

  onEnd(_result: FullResult): void {
    if (this.verdicts.size === 0) return; // --list, or nothing of the catalog ran
    const summary = (verdicts: Verdict[] | undefined) => {
      if (!verdicts?.length) return 'not run';
      const counts = new Map<Verdict, number>();
      for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
    };
    const rows = incidents.map((i) => [i.id, summary(this.verdicts.get(i.id)?.get('replay')), summary(this.verdicts.get(i.id)?.get('reintroduced'))]);
    const header = ['incident', 'replay (fix in place)', 'reintroduced (bug on)'];
    const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col]!.length)));
    const line = (cells: string[]) => cells.map((c, col) => c.padEnd(widths[col]!)).join('  ');
    console.log(`\nincident coverage\n${line(header)}\n${rows.map(line).join('\n')}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
