import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as OTLP/JSON carries it: ids in hex, attributes as typed values. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}

interface TraceExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpSpan['attributes'] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

export interface OtlpReceiver {
  /** The base URL for OTEL_EXPORTER_OTLP_ENDPOINT. */
  endpoint: string;
  spans(): OtlpSpan[];
  serviceNames(): Set<string>;
  /** Requests seen per path, e.g. `/v1/traces`, `/v1/metrics`. */
  requests(): Map<string, number>;
  close(): Promise<void>;
}

const body = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/**
 * An OTLP/HTTP receiver on a free loopback port (the test's stand-in for an OpenTelemetry
 * Collector): `/v1/traces` in the JSON encoding the SDK's OTLP/HTTP trace exporter sends is decoded;
 * other signals are acknowledged and counted.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const exports: TraceExport[] = [];
  const seen = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    seen.set(path, (seen.get(path) ?? 0) + 1);
    void body(request).then((data) => {
      if (path === '/v1/traces') {
        if (!String(request.headers['content-type']).includes('json')) {
          response.writeHead(415).end('this receiver decodes OTLP/JSON traces');
          return;
        }
        exports.push(JSON.parse(data.toString('utf8')) as TraceExport);
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const resourceSpans = () => exports.flatMap((exported) => exported.resourceSpans ?? []);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans: () =>
      resourceSpans().flatMap((resource) => (resource.scopeSpans ?? []).flatMap((scope) => scope.spans ?? [])),
    serviceNames: () =>
      new Set(
        resourceSpans().flatMap((resource) =>
          (resource.resource?.attributes ?? [])
            .filter((attribute) => attribute.key === 'service.name')
            .map((attribute) => String(attribute.value.stringValue)),
        ),
      ),
    requests: () => seen,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
