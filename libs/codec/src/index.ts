export { AesGcmCodec, CIPHER, ENCODING, type CodecOptions } from './aes-gcm-codec';
export { createKeyring, parseKeyList, KEY_BYTES, type CodecKey, type Keyring } from './keyring';
export * from './errors';
export { sealerInUse } from './sealer';
export { createCodecHandler, type CodecHandlerOptions, type CodecRefusal } from './server/codec-handler';
export { payloadsFromJson, payloadsToJson, type PayloadsJson } from './server/payload-json';
export {
  AccessTokenError,
  namespaceAccess,
  NamespaceDeniedError,
  type AccessTokenOptions,
  type NamespaceAccess,
} from './server/access-token/namespace-access';
