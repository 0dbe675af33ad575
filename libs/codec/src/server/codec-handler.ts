import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PayloadCodec } from '@temporalio/common';
import { CodecError } from '../errors';
import { BadRequestError, payloadsFromJson, payloadsToJson } from './payload-json';

export interface CodecHandlerOptions {
  /** The codec per namespace; a namespace missing here is refused. */
  codecs: ReadonlyMap<string, PayloadCodec>;
  /** Origins allowed to call from a browser (the Web UI's); none when empty. */
  allowedOrigins: readonly string[];
  /** When set, requests need `Authorization: Bearer <token>`. */
  authToken?: string;
  maxBodyBytes: number;
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

/**
 * The codec server protocol the Temporal Web UI and CLI speak: `POST /encode` and `POST /decode`
 * with a JSON list of payloads and the namespace in `X-Namespace`. CORS only for the configured
 * origins, a bearer token when configured, a body limit, and no namespace it holds no keys for.
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

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin;
    if (origin && !options.allowedOrigins.includes(origin)) throw new HttpError(403, `origin ${origin} is not allowed`);
    Object.entries(corsHeaders(origin)).forEach(([name, value]) => response.setHeader(name, value));
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/encode' && path !== '/decode')
      throw new HttpError(404, `no such endpoint ${path}; use /encode or /decode`);
    if (request.method !== 'POST') throw new HttpError(405, `${request.method} is not allowed; use POST`);
    if (options.authToken && !sameSecret(request.headers.authorization ?? '', `Bearer ${options.authToken}`)) {
      throw new HttpError(401, 'missing or wrong bearer token');
    }
    const namespace = String(request.headers['x-namespace'] ?? '');
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
    const result = path === '/encode' ? await codec.encode(payloads) : await codec.decode(payloads);
    sendJson(response, 200, payloadsToJson(result));
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof HttpError) sendJson(response, error.status, { error: error.message });
      else if (error instanceof BadRequestError) sendJson(response, 400, { error: error.message });
      else if (error instanceof CodecError) sendJson(response, 422, { error: error.problem });
      else sendJson(response, 500, { error: 'internal error' });
    });
  };
}
