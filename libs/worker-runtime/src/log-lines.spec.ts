import type { LogEntry } from '@temporalio/worker';
import { formatLogEntry } from './log-lines';

const entry = (meta?: Record<string, unknown>): LogEntry => ({
  level: 'INFO',
  message: 'Activity completed',
  timestampNanos: 1_764_496_000_123_000_000n,
  meta,
});

describe('formatLogEntry', () => {
  it('json: one object with timestamp, level, message and the workflow and activity context', () => {
    const line = formatLogEntry(entry({ workflowId: 'greet-1', activityType: 'composeGreeting', attempt: 1 }), 'json');
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      timestamp: '2025-11-30T09:46:40.123Z',
      level: 'INFO',
      message: 'Activity completed',
      workflowId: 'greet-1',
      activityType: 'composeGreeting',
      attempt: 1,
    });
  });

  it('json: bigints, errors and multi-line messages stay on one parseable line', () => {
    const error = new Error('first\nsecond');
    const line = formatLogEntry({ ...entry({ error, size: 10n }), message: 'a\nb' }, 'json');
    expect(line.split('\n')).toHaveLength(1);
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({ message: 'a\nb', size: '10', error: { name: 'Error', message: 'first\nsecond' } });
  });

  it('json: metadata cannot replace the timestamp, level or message', () => {
    expect(JSON.parse(formatLogEntry(entry({ level: 'ERROR', message: 'spoofed' }), 'json'))).toMatchObject({
      level: 'INFO',
      message: 'Activity completed',
    });
  });

  it('text: time, level, message and metadata on one line, undefined values left out', () => {
    expect(formatLogEntry(entry({ taskQueue: 'greetings', spanContexts: undefined }), 'text')).toBe(
      "2025-11-30T09:46:40.123Z [INFO] Activity completed { taskQueue: 'greetings' }",
    );
  });
});
