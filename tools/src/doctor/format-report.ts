import type { CheckResult } from './check';

/** The report as a person reads it: a line per check, ✓ or ✗, and the fix under each ✗. */
export function formatReport(results: CheckResult[]): string {
  const lines: string[] = [];
  let section = '';
  for (const result of results) {
    if (result.section !== section) {
      section = result.section;
      lines.push(`${section}:`);
    }
    lines.push(`  ${result.ok ? '✓' : '✗'} ${result.name}: ${result.found}`);
    if (!result.ok && result.fix) lines.push(`      Fix: ${result.fix}`);
  }
  const failed = results.filter((result) => !result.ok).length;
  lines.push(failed === 0 ? 'All checks passed.' : `${failed} check${failed === 1 ? '' : 's'} failed.`);
  return lines.join('\n');
}
