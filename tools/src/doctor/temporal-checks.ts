import { connectConnection, explainPermissionDenied, isPermissionDenied, SetupError, type Profile } from '@temporal-samples/connection';
import type { Connection } from '@temporalio/client';
import { fail, pass, type CheckResult } from './check';

const CALL_TIMEOUT_MS = 5_000;
const WRITE_ROLES = new Set(['write', 'admin']);

interface Claims {
  exp?: number;
  permissions?: string[];
}

function claimsOf(apiKey: string): Claims | undefined {
  const parts = apiKey.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Claims;
  } catch {
    return undefined;
  }
}

/** What the API key says about itself, decoded but never printed: expiry and roles on this namespace. */
function checkCredentials(profile: Profile): CheckResult[] {
  if (!profile.apiKey) return [];
  const claims = claimsOf(profile.apiKey);
  if (!claims) return [pass('temporal', 'API key', 'an opaque key (not a JWT); only the server can judge it')];
  const roles = (claims.permissions ?? []).filter((permission) => permission.startsWith(`${profile.namespace}:`)).map((permission) => permission.split(':')[1]);
  const expiry = claims.exp ? new Date(claims.exp * 1000).toISOString() : 'never';
  const results = [pass('temporal', 'API key', `a JWT expiring ${expiry}, roles on ${profile.namespace}: ${roles.join(', ') || 'none'}`)];
  const canPoll = roles.some((role) => WRITE_ROLES.has(role));
  results.push(
    canPoll
      ? pass('temporal', 'worker permission', `the key lets a worker poll task queue "${profile.taskQueue ?? '(any)'}"`)
      : fail('temporal', 'worker permission', `the key grants ${roles.join(', ') || 'nothing'} on ${profile.namespace}; polling needs write.`, `use a key with write on ${profile.namespace}.`),
  );
  return results;
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
    if (error instanceof SetupError) return [fail('temporal', error.kind, error.problem, error.fix)];
    throw error;
  }
  const results: CheckResult[] = [];
  try {
    const info = await withDeadline(connection, () => connection.workflowService.getSystemInfo({}));
    results.push(pass('temporal', 'system info', `the server answers (version ${info.serverVersion || 'unknown'})`));
    await withDeadline(connection, () => connection.workflowService.describeNamespace({ namespace: profile.namespace }));
    results.push(pass('temporal', 'namespace', `"${profile.namespace}" exists and these credentials may describe it`));
  } catch (error) {
    const explained = isPermissionDenied(error)
      ? explainPermissionDenied(profile, 'describe the namespace')
      : (error as { code?: number }).code === 5
        ? { kind: 'namespace', problem: `Namespace "${profile.namespace}" does not exist on ${profile.address}.`, fix: `register it: npx nx run tools:namespace -- --name ${profile.namespace}` }
        : { kind: 'call', problem: (error as Error).message, fix: 'check the server log.' };
    results.push(fail('temporal', explained.kind, explained.problem, explained.fix));
  } finally {
    await connection.close().catch(() => undefined);
  }
  return [...results, ...checkCredentials(profile)];
}
