import { AesGcmCodec } from '@temporal-samples/codec';
import { Client, Connection, type DataConverter } from '@temporalio/client';
import { diagnoseConnectFailure } from '../diagnose/diagnose-connect';
import { explainPermissionDenied, isPermissionDenied } from '../diagnose/explain-permission';
import { UnreachableServerError } from '../errors/connect-errors';
import { withContext } from '../errors/failure-context';
import type { Profile } from '../profile/profile';
import { connectionOptions } from './connection-options';
import { contextInterceptor } from './context-interceptor';
import { clientTracing } from '../telemetry/tracing';
import { namespaceError, toConnectError } from './explain-sdk-error';

/** The same converter for client and worker: the profile's payload codec, if it has one. */
export function dataConverter(profile: Profile): DataConverter {
  const { codec } = profile;
  return codec ? { payloadCodecs: [new AesGcmCodec(codec.keyring, { compressAbove: codec.compressAbove })] } : {};
}

/** An unreachable or silent server fails the connect within this bound. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** A connect still pending after this long is diagnosed by hand (TCP, then TLS) while it goes on. */
const DIAGNOSE_AFTER_MS = 2_000;

interface Closable {
  close(): Promise<void>;
}

type Settled<T> = { value: T } | { error: unknown } | { slow: true };

function settleWithin<T>(pending: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<Settled<T>>((resolve) => (timer = setTimeout(() => resolve({ slow: true }), ms)));
  const settled = pending.then(
    (value): Settled<T> => ({ value }),
    (error: unknown): Settled<T> => ({ error }),
  );
  return Promise.race([settled, slow]).finally(() => clearTimeout(timer));
}

/**
 * Connects within CONNECT_TIMEOUT_MS. A failure, or a connect that hangs (grpc-js retries TLS
 * failures until its deadline), is explained by diagnoseConnectFailure when it can be.
 */
export async function connectOrExplain<T extends Closable>(profile: Profile, connect: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const pending = connect();
  const first = await settleWithin(pending, DIAGNOSE_AFTER_MS);
  if ('value' in first) return first.value;
  if ('error' in first && isPermissionDenied(first.error)) throw explainPermissionDenied(profile, 'connect');

  const explained = await diagnoseConnectFailure(profile);
  if (explained) {
    pending
      .then(
        (connection) => connection.close(),
        () => undefined,
      )
      .catch(() => undefined);
    throw explained;
  }
  if ('error' in first) throw toConnectError(first.error, profile.address);

  const rest = await settleWithin(pending, CONNECT_TIMEOUT_MS - (Date.now() - started));
  if ('value' in rest) return rest.value;
  if ('error' in rest) throw toConnectError(rest.error, profile.address);
  pending
    .then(
      (connection) => connection.close(),
      () => undefined,
    )
    .catch(() => undefined);
  throw new UnreachableServerError(profile.address, `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`);
}

interface DescribesNamespaces {
  workflowService: { describeNamespace(request: { namespace: string }): Promise<unknown> };
}

export async function checkNamespace(connection: DescribesNamespaces & Closable, profile: Profile): Promise<void> {
  try {
    await connection.workflowService.describeNamespace({ namespace: profile.namespace });
  } catch (error) {
    await connection.close().catch(() => undefined);
    if (isPermissionDenied(error)) throw explainPermissionDenied(profile, 'describe the namespace');
    throw namespaceError(error, profile.namespace, profile.address);
  }
}

/** A raw gRPC connection to the profile's server, for tools; apps use connectClient. */
export async function connectConnection(profile: Profile): Promise<Connection> {
  return connectOrExplain(profile, () =>
    Connection.connect({ ...connectionOptions(profile), connectTimeout: CONNECT_TIMEOUT_MS }),
  );
}

export interface ConnectClientOptions {
  /** Tools that create the namespace turn this off; apps keep it on to fail fast. */
  checkNamespace?: boolean;
}

/** A connected Client for the profile's namespace; fails fast if the server or namespace is not there. */
export async function connectClient(profile: Profile, options: ConnectClientOptions = {}): Promise<Client> {
  const context = { app: profile.app, profile };
  try {
    const connection = await connectConnection(profile);
    if (options.checkNamespace !== false) await checkNamespace(connection, profile);
    return new Client({
      connection,
      namespace: profile.namespace,
      dataConverter: dataConverter(profile),
      interceptors: { workflow: [contextInterceptor(context), ...(await clientTracing(profile))] },
    });
  } catch (error) {
    throw withContext(error, context);
  }
}
