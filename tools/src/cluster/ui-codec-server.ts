import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AesGcmCodec, createCodecHandler } from '@temporal-samples/codec';
import type { CodecSettings } from '@temporal-samples/connection';

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface UiCodecServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The codec server for the cluster's Web UI, with the app's own keys: the same handler as
 * apps/codec-server, on a free loopback port, answering only the UI's origins and namespaces.
 */
export async function startUiCodecServer(
  codec: CodecSettings,
  namespaces: string[],
  uiPort: number,
): Promise<UiCodecServer> {
  const payloadCodec = new AesGcmCodec(codec.keyring, { compressAbove: codec.compressAbove });
  const handler = createCodecHandler({
    codecs: new Map(namespaces.map((namespace) => [namespace, payloadCodec])),
    allowedOrigins: [`http://127.0.0.1:${uiPort}`, `http://localhost:${uiPort}`],
    maxBodyBytes: MAX_BODY_BYTES,
  });
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
