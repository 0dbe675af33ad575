/**
 * `npx nx run codec-server:serve`: the HTTP codec server the Temporal Web UI and CLI call to show
 * encrypted payloads decoded. Settings come from this app's .env (keys from .env.local).
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AesGcmCodec, createCodecHandler, namespaceAccess } from '@temporal-samples/codec';
import { runMain } from '@temporal-samples/connection';
import { loadCodecServerSettings } from './settings';

runMain(async () => {
  const settings = loadCodecServerSettings(join(__dirname, '..'));
  const codecs = new Map(
    [...settings.codecs].map(([namespace, { keyring, compressAbove }]) => [
      namespace,
      new AesGcmCodec(keyring, { compressAbove }),
    ]),
  );
  const { accessTokens } = settings;
  const handler = createCodecHandler({
    codecs,
    allowedOrigins: settings.allowedOrigins,
    authToken: settings.authToken,
    namespaceAccess: accessTokens && namespaceAccess(accessTokens),
    maxBodyBytes: settings.maxBodyBytes,
    onRefused: ({ status, reason, namespace, path }) =>
      console.log(`Refused ${path} for namespace "${namespace}": ${status} ${reason}.`),
  });
  const server: Server = settings.tls ? createHttpsServer(settings.tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const scheme = settings.tls ? 'https' : 'http';
  console.log(
    `Codec server listening on ${scheme}://${settings.host}:${port} for namespaces ${settings.namespaces.join(', ')}.`,
  );
  console.log(
    `CORS for: ${settings.allowedOrigins.join(', ') || 'no browser origin'}; static bearer token: ${settings.authToken ? 'accepted' : 'not set'}.`,
  );
  if (accessTokens) {
    console.log(
      `Users' access tokens: checked against ${accessTokens.jwksUrl} (issuer ${accessTokens.issuer}, audience ${accessTokens.audience}); namespaces from the "${accessTokens.permissionsClaim}" claim.`,
    );
  }
  if (!settings.authToken && !accessTokens) console.log('No bearer token required: keep this server on loopback.');
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('Codec server stopped.');
});
