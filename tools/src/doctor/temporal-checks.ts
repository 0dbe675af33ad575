import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { ErrorWithFix, NamespaceNotRegisteredError, type Profile } from '@temporal-samples/connection';
import {
  apiKeyClaims,
  canWrite,
  connectConnection,
  explainPermissionDenied,
  hasGrpcStatus,
  isPermissionDenied,
  rolesOn,
} from '@temporal-samples/connection/tools';
import type { Connection } from '@temporalio/client';
import { fail, pass, type CheckResult } from './check';

const CALL_TIMEOUT_MS = 5_000;
// The frontend refuses long polls with less than 2 s left ("Context timeout is too short").
const POLL_PROBE_MS = 2_500;
/** What the API key says about itself, decoded but never printed: expiry and roles on this namespace. */
function checkCredentials(profile: Profile): CheckResult[] {
  if (!profile.apiKey) return [];
  const claims = apiKeyClaims(profile.apiKey);
  if (!claims) return [pass('temporal', 'API key', 'an opaque key (not a JWT); only the server can judge it')];
  const roles = rolesOn(claims, profile.namespace);
  const expiry = claims.exp ? new Date(claims.exp * 1000).toISOString() : 'never';
  return [
    pass(
      'temporal',
      'API key',
      `a JWT expiring ${expiry}, roles on ${profile.namespace}: ${roles.join(', ') || 'none'}`,
    ),
  ];
}

function rolesHint(profile: Profile): string {
  const claims = profile.apiKey ? apiKeyClaims(profile.apiKey) : undefined;
  if (!claims?.permissions) return '';
  const roles = rolesOn(claims, profile.namespace);
  return canWrite(roles)
    ? ''
    : ` The key grants ${roles.join(', ') || 'nothing'} on ${profile.namespace}; polling needs write.`;
}

/** A real poll, on a throwaway task queue so it can take no task: allowed if it waits, refused if denied. */
async function checkPollPermission(connection: Connection, profile: Profile): Promise<CheckResult> {
  const taskQueue = { name: `doctor-probe-${randomUUID()}` };
  try {
    await connection.withDeadline(Date.now() + POLL_PROBE_MS, () =>
      connection.workflowService.pollActivityTaskQueue({ namespace: profile.namespace, taskQueue, identity: 'doctor' }),
    );
  } catch (error) {
    if (isPermissionDenied(error)) {
      return fail(
        'temporal',
        'worker permission',
        `a poll in namespace ${profile.namespace} was refused (permission denied).${rolesHint(profile)}`,
        `use credentials with write on ${profile.namespace}.`,
      );
    }
    if (!hasGrpcStatus(error, status.DEADLINE_EXCEEDED)) throw error;
  }
  return pass(
    'temporal',
    'worker permission',
    `these credentials may poll task queues in ${profile.namespace} (a poll on a throwaway queue was accepted)`,
  );
}

async function withDeadline<T>(connection: Connection, call: () => Promise<T>): Promise<T> {
  return connection.withDeadline(Date.now() + CALL_TIMEOUT_MS, call);
}

/** The server answers, the namespace exists, and these credentials may use it. */
export async function checkTemporal(profile: Profile): Promise<CheckResult[]> {
  let connection: Connection;
  try {
    connection = await connectConnection(profile);
  } catch (error) {
    if (error instanceof ErrorWithFix) return [fail('temporal', error.kind, error.problem, error.fix)];
    throw error;
  }
  const results: CheckResult[] = [];
  try {
    const info = await withDeadline(connection, () => connection.workflowService.getSystemInfo({}));
    results.push(pass('temporal', 'system info', `the server answers (version ${info.serverVersion || 'unknown'})`));
    await withDeadline(connection, () =>
      connection.workflowService.describeNamespace({ namespace: profile.namespace }),
    );
    results.push(pass('temporal', 'namespace', `"${profile.namespace}" exists and these credentials may describe it`));
    results.push(await checkPollPermission(connection, profile));
  } catch (error) {
    const explained = isPermissionDenied(error)
      ? explainPermissionDenied(profile, 'describe the namespace')
      : hasGrpcStatus(error, status.NOT_FOUND)
        ? new NamespaceNotRegisteredError(profile.namespace, profile.address)
        : { kind: 'call', problem: (error as Error).message, fix: 'check the server log.' };
    results.push(fail('temporal', explained.kind, explained.problem, explained.fix));
  } finally {
    await connection.close().catch(() => undefined);
  }
  return [...results, ...checkCredentials(profile)];
}
