// Prints, after a run, each catalog entry the run touched with what happened to it in
// each project: the replay passed or failed, and, per bug switch of the entry, the
// reintroduced run caught its bug, failed for another reason, or passed (no teeth).
// Before the run, it tells a newcomer once why the reintroduced project's tests are ✘.
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { incidents, reintroductions } from '../catalog/incidents.ts';
import { AnnotationType, type VerdictAnnotation, verdictAnnotations } from '../fixtures/annotations.ts';

type Verdict = 'passed' | 'failed' | VerdictAnnotation | `skipped${string}`;

const isVerdict = (type: string): type is VerdictAnnotation => (verdictAnnotations as readonly string[]).includes(type);

export default class IncidentCoverage implements Reporter {
  private readonly verdicts = new Map<string, Map<string, Verdict[]>>();

  onBegin(_config: FullConfig, suite: Suite): void {
    if (!suite.allTests().some((test) => test.parent.project()?.name === 'reintroduced')) return;
    console.log(
      "Note: the reintroduced project runs each replay with its incident's bug switched back on. Its tests are expected to fail, so the list marks them ✘; each one that fails with its incident's signature counts as passed.\n",
    );
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const incident = test.annotations.find((a) => a.type === AnnotationType.incident)?.description;
    const name = test.parent.project()?.name;
    if (!incident || !name) return;
    // Reintroduced verdicts count per switch; a test skipped before its fixtures ran has none.
    const bugSwitch = result.annotations.find((a) => a.type === AnnotationType.bugSwitch)?.description;
    const project =
      name === 'reintroduced' ? `${name}:${bugSwitch ?? reintroductions(incidents.find((i) => i.id === incident)!)[0]!.bugSwitch}` : name;
    const byProject = this.verdicts.get(incident) ?? new Map<string, Verdict[]>();
    this.verdicts.set(incident, byProject);
    const judged = result.annotations.map((a) => a.type).find(isVerdict);
    const skipReason = [...test.annotations, ...result.annotations].find((a) => a.type === AnnotationType.skip)?.description;
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
    const ran = incidents.filter((i) => this.verdicts.has(i.id));
    const rows = ran.flatMap((i) =>
      reintroductions(i).map(({ bugSwitch }, n) => [
        n === 0 ? i.id : '',
        n === 0 ? summary(this.verdicts.get(i.id)?.get('replay')) : '',
        bugSwitch,
        summary(this.verdicts.get(i.id)?.get(`reintroduced:${bugSwitch}`)),
      ]),
    );
    // E2E_BUGS turns bugs on in the replay project too: its column is then not "the fix".
    const bugs = process.env.E2E_BUGS?.trim();
    const header = ['incident', bugs ? `replay (with E2E_BUGS=${bugs})` : 'replay (fix in place)', 'bug switch', 'reintroduced (bug on)'];
    const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col]!.length)));
    const line = (cells: string[]) => cells.map((c, col) => c.padEnd(widths[col]!)).join('  ');
    const untouched = incidents.length - ran.length;
    console.log(
      `\nincident coverage${untouched ? ` (${ran.length} of ${incidents.length} incidents ran)` : ''}\n${line(header)}\n${rows.map(line).join('\n')}\n`,
    );
  }

  printsToStdio(): boolean {
    return true;
  }
}
