import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PayloadCodec } from '@temporalio/common';
import { CodecError } from '../errors';
import { AccessTokenError, NamespaceDeniedError, type NamespaceAccess } from './access-token/namespace-access';
import { BadRequestError, payloadsFromJson, payloadsToJson } from './payload-json';

export interface CodecHandlerOptions {
  /** The codec per namespace; a namespace missing here is refused. */
  codecs: ReadonlyMap<string, PayloadCodec>;
  /** Origins allowed to call from a browser (the Web UI's); none when empty. */
  allowedOrigins: readonly string[];
  /** When set, `Authorization: Bearer <this token>` is accepted for every namespace (the CLI's --codec-auth). */
  authToken?: string;
  /** When set, a user's access token (a JWT, as the Web UI forwards it) is accepted for the namespaces it grants. */
  namespaceAccess?: NamespaceAccess;
  maxBodyBytes: number;
  /** Told of every refused authorization (401, 403), e.g. to log it; never given the token. */
  onRefused?: (refusal: CodecRefusal) => void;
}

export interface CodecRefusal {
  status: number;
  reason: string;
  /** The X-Namespace the caller named; empty when it named none. */
  namespace: string;
  /** The request's path, e.g. `/samples/decode`. */
  path: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const ALLOWED_HEADERS = 'Content-Type, X-Namespace, Authorization';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new HttpError(413, `the body is ${declared} bytes; the limit is ${limit}`));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `the body is over the limit of ${limit} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

const OPERATIONS = ['encode', 'decode'] as const;
type Operation = (typeof OPERATIONS)[number];

/** The codec protocol routes on the last path segment only, so an endpoint may carry any path. */
function operationOf(url: string | undefined): Operation {
  const path = (url ?? '').split('?')[0];
  const last = path.split('/').filter(Boolean).pop() ?? '';
  if ((OPERATIONS as readonly string[]).includes(last)) return last as Operation;
  throw new HttpError(404, `no such endpoint ${path}; the last path segment must be encode or decode`);
}

/**
 * The codec server protocol the Temporal Web UI and CLI speak: `POST <any path>/encode` and
 * `POST <any path>/decode` with a JSON list of payloads and the namespace in `X-Namespace`. CORS
 * only for the configured origins, a body limit, no namespace it holds no keys for, and, when
 * configured, a static bearer token or a user's access token that grants the namespace.
 */
export function createCodecHandler(options: CodecHandlerOptions) {
  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin && options.allowedOrigins.includes(origin)
      ? {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': 'POST, OPTIONS',
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Allow-Credentials': 'true',
          Vary: 'Origin',
        }
      : {};

  async function authorize(request: IncomingMessage, namespace: string): Promise<void> {
    if (!options.authToken && !options.namespaceAccess) return;
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) throw new HttpError(401, 'missing bearer token: send Authorization: Bearer <token>');
    if (options.authToken && sameSecret(bearer, options.authToken)) return;
    if (!options.namespaceAccess) throw new HttpError(401, 'wrong bearer token');
    try {
      await options.namespaceAccess(bearer, namespace);
    } catch (error) {
      if (error instanceof AccessTokenError) throw new HttpError(401, error.message);
      if (error instanceof NamespaceDeniedError) throw new HttpError(403, error.message);
      throw error;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin;
    if (origin && !options.allowedOrigins.includes(origin)) throw new HttpError(403, `origin ${origin} is not allowed`);
    Object.entries(corsHeaders(origin)).forEach(([name, value]) => response.setHeader(name, value));
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    const operation = operationOf(request.url);
    if (request.method !== 'POST') throw new HttpError(405, `${request.method} is not allowed; use POST`);
    const namespace = String(request.headers['x-namespace'] ?? '');
    if (!namespace) throw new HttpError(400, 'the X-Namespace header is missing: it names the namespace to use');
    await authorize(request, namespace);
    const codec = options.codecs.get(namespace);
    if (!codec) throw new HttpError(403, `no keys for namespace "${namespace}" here`);
    let body: unknown;
    try {
      body = JSON.parse((await readBody(request, options.maxBodyBytes)).toString('utf8'));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'the body is not JSON');
    }
    const payloads = payloadsFromJson(body);
    const result = operation === 'encode' ? await codec.encode(payloads) : await codec.decode(payloads);
    sendJson(response, 200, payloadsToJson(result));
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
        const namespace = String(request.headers['x-namespace'] ?? '');
        options.onRefused?.({ status: error.status, reason: error.message, namespace, path: request.url ?? '' });
      }
      if (error instanceof HttpError && error.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
      if (error instanceof HttpError) sendJson(response, error.status, { error: error.message });
      else if (error instanceof BadRequestError) sendJson(response, 400, { error: error.message });
      else if (error instanceof CodecError) sendJson(response, 422, { error: error.problem });
      else sendJson(response, 500, { error: 'internal error' });
    });
  };
}
