import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** Names a file where every program this project starts notes its pid, so a test run can end what a failed test left. */
export const PID_LEDGER_VARIABLE = 'SAMPLES_PID_LEDGER';

export interface LedgerEntry {
  pid: number;
  /** The kernel's start time of the process (/proc/<pid>/stat), so a reused pid is never taken for it. */
  startTime: string;
  command: string;
}

function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Notes a started process in the ledger the environment names; does nothing without one. */
export function recordPid(pid: number | undefined, command: string, env: NodeJS.ProcessEnv = process.env): void {
  const ledger = env[PID_LEDGER_VARIABLE];
  if (!ledger || pid === undefined) return;
  appendFileSync(ledger, `${JSON.stringify({ pid, startTime: startTimeOf(pid) ?? '', command })}\n`);
}

/** The ledger's processes that still run (same pid, same start time). */
export function survivors(ledger: string): LedgerEntry[] {
  if (!existsSync(ledger)) return [];
  return readFileSync(ledger, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LedgerEntry)
    .filter((entry) => startTimeOf(entry.pid) === entry.startTime && entry.startTime !== '');
}
