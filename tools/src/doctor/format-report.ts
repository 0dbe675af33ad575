import type { CheckResult } from './check';

/** The report as a person reads it: a line per check, ✓, ! or ✗, and the fix under each ! and ✗. */
export function formatReport(results: CheckResult[]): string {
  const lines: string[] = [];
  let section = '';
  for (const result of results) {
    if (result.section !== section) {
      section = result.section;
      lines.push(`${section}:`);
    }
    lines.push(`  ${result.warning ? '!' : result.ok ? '✓' : '✗'} ${result.name}: ${result.found}`);
    if ((!result.ok || result.warning) && result.fix) lines.push(`      Fix: ${result.fix}`);
  }
  const failed = results.filter((result) => !result.ok).length;
  const warnings = results.filter((result) => result.warning).length;
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  if (failed > 0) lines.push(`${plural(failed, 'check')} failed.`);
  else lines.push(warnings === 0 ? 'All checks passed.' : `All checks passed, with ${plural(warnings, 'warning')}.`);
  return lines.join('\n');
}
