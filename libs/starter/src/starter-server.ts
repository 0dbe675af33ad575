import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WorkflowNotFoundError, type Client, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { HttpError } from './http-errors';

export interface StarterOptions<Input> {
  /** The client in use; credential rotation may replace it while the server runs. */
  client(): Client;
  /** Checks the request body and returns the workflow's input; throws InvalidInputError when it is wrong. */
  parseInput(body: unknown): Input;
  /** Starts the workflow for one validated input. */
  start(input: Input): Promise<WorkflowHandleWithFirstExecutionRunId>;
  host?: string;
  port?: number;
  maxBodyBytes?: number;
}

export interface StarterServer {
  url: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const ROUTE = /^\/workflows(?:\/([^/]+))?\/?$/;

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `the body is over the limit of ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    throw new HttpError(400, 'the body is not JSON');
  }
}

async function report(client: Client, workflowId: string): Promise<Record<string, unknown>> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    const description = await handle.describe();
    const status = description.status.name;
    const result = status === 'COMPLETED' ? await handle.result() : undefined;
    return { workflowId, runId: description.runId, status, ...(status === 'COMPLETED' ? { result } : {}) };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new HttpError(404, `no workflow "${workflowId}"`);
    throw error;
  }
}

/**
 * `POST /workflows` starts the app's workflow and answers 201 with its id and run id;
 * `GET /workflows/:id` answers its status, and its result once completed. Errors are JSON
 * with a fitting status code.
 */
export async function startStarterServer<Input>(options: StarterOptions<Input>): Promise<StarterServer> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = ROUTE.exec((request.url ?? '').split('?')[0]);
    if (!match) throw new HttpError(404, 'no such path; use POST /workflows or GET /workflows/:id');
    const id = match[1] && decodeURIComponent(match[1]);
    if (request.method === 'POST' && !id) {
      const input = options.parseInput(await readJson(request, limit));
      const started = await options.start(input);
      send(response, 201, { workflowId: started.workflowId, runId: started.firstExecutionRunId });
      return;
    }
    if (request.method === 'GET' && id) {
      send(response, 200, await report(options.client(), id));
      return;
    }
    throw new HttpError(405, `${request.method} is not allowed on ${request.url}`);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) send(response, error.status, { error: error.message });
      else send(response, 503, { error: `Temporal did not accept the request: ${(error as Error).message}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
