/** The table printed after generating: file, subject, not-after and status; never key material. */
import type { CertificateEntry } from './generate';

const HEADINGS = ['file', 'subject', 'not after', 'status'] as const;

export function summaryRows(entries: CertificateEntry[]): string[][] {
  return entries.map((entry) => [
    entry.files.cert,
    entry.certificate.subject,
    entry.certificate.notAfter.toISOString().slice(0, 10),
    entry.status,
  ]);
}

export function formatSummary(entries: CertificateEntry[]): string {
  const rows = [[...HEADINGS], ...summaryRows(entries)];
  const widths = HEADINGS.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
