import { inspect } from 'node:util';
import type { LogEntry } from '@temporalio/worker';
import type { LogFormat } from './telemetry-settings';

const RESERVED = new Set(['timestamp', 'level', 'message']);

function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

const isoTime = (entry: LogEntry) => new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();

/**
 * One log entry as one line: `json` is an object with timestamp, level, message and the SDK's
 * metadata (workflow and activity context, the worker's task queue); `text` is for people.
 */
export function formatLogEntry(entry: LogEntry, format: LogFormat): string {
  const meta = Object.entries(entry.meta ?? {}).filter(([key, value]) => !RESERVED.has(key) && value !== undefined);
  if (format === 'json') {
    const line = { timestamp: isoTime(entry), level: entry.level, message: entry.message, ...Object.fromEntries(meta) };
    return JSON.stringify(line, jsonValue);
  }
  const details = meta.length
    ? ` ${inspect(Object.fromEntries(meta), { breakLength: Infinity, compact: true, colors: false, depth: 4 })}`
    : '';
  return `${isoTime(entry)} [${entry.level}] ${entry.message}${details}`.replace(/\r?\n/g, '\\n');
}
