import { status } from '@grpc/grpc-js';
import { UnreachableServerError } from '../errors/connect-errors';
import { withContext } from '../errors/failure-context';
import type { Profile } from '../profile/profile';
import { describeFailure, formatFailure } from './run-main';

const profile: Profile = {
  address: 'localhost:7233',
  namespace: 'samples',
  apiKey: undefined,
  grpcMeta: {},
  entries: [],
  notices: [],
};

const refusal = () =>
  Object.assign(new Error('7 PERMISSION_DENIED: Request unauthorized.'), { code: status.PERMISSION_DENIED });

describe('formatFailure reads its context from the error', () => {
  it("names the app's doctor command when the error carries the app", () => {
    const error = withContext(new UnreachableServerError('localhost:1', 'connection refused'), { app: 'plain' });
    expect(formatFailure(error)).toBe(
      [
        '✗ Could not reach a Temporal server at localhost:1: connection refused.',
        `  Fix: ${error.fix}`,
        '  Diagnose: npx nx run plain:doctor',
      ].join('\n'),
    );
  });

  it("does not take one failure's app for another's", () => {
    withContext(new UnreachableServerError('localhost:1', 'refused'), { app: 'plain' });
    expect(formatFailure(new UnreachableServerError('localhost:2', 'refused'))).not.toContain('Diagnose');
  });

  it('explains a refusal after connecting with the profile the error carries', () => {
    const explained = formatFailure(withContext(refusal(), { app: 'cloud-mtls', profile }));
    expect(explained).toMatch(/^✗ The server refused to run this call in namespace "samples": no API key was sent/);
    expect(explained).toMatch(/Diagnose: npx nx run cloud-mtls:doctor$/);
  });

  it('keeps a refusal without context as the SDK said it', () => {
    expect(formatFailure(refusal())).toBe('✗ Error: 7 PERMISSION_DENIED: Request unauthorized.');
  });
});

describe('describeFailure', () => {
  it('gives the problem, the fix and the doctor command apart, for a log line', () => {
    const error = withContext(new UnreachableServerError('localhost:1', 'connection refused'), { app: 'plain' });
    expect(describeFailure(error)).toEqual({
      problem: 'Could not reach a Temporal server at localhost:1: connection refused.',
      fix: error.fix,
      diagnose: 'npx nx run plain:doctor',
    });
  });

  it('gives only the problem for an error without a fix', () => {
    expect(describeFailure(new RangeError('out of range'))).toEqual({ problem: 'RangeError: out of range' });
  });
});
