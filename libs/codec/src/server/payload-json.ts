import type { Payload } from '@temporalio/common';

/** The codec server protocol's body: `{"payloads":[{"metadata":{"k":"<base64>"},"data":"<base64>"}]}`. */
export interface PayloadsJson {
  payloads: { metadata?: Record<string, string>; data?: string }[];
}

export class BadRequestError extends Error {}

export function payloadsFromJson(body: unknown): Payload[] {
  const payloads = (body as PayloadsJson | undefined)?.payloads;
  if (!Array.isArray(payloads)) throw new BadRequestError('the body must be {"payloads": [...]}');
  return payloads.map((payload, index) => {
    if (!payload || typeof payload !== 'object') throw new BadRequestError(`payloads[${index}] is not an object`);
    const metadata = Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => {
        if (typeof value !== 'string')
          throw new BadRequestError(`payloads[${index}].metadata.${key} is not base64 text`);
        return [key, Buffer.from(value, 'base64')];
      }),
    );
    if (payload.data !== undefined && typeof payload.data !== 'string')
      throw new BadRequestError(`payloads[${index}].data is not base64 text`);
    return { metadata, data: Buffer.from(payload.data ?? '', 'base64') };
  });
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export function payloadsToJson(payloads: Payload[]): PayloadsJson {
  return {
    payloads: payloads.map((payload) => ({
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, base64(value)])),
      data: base64(payload.data ?? new Uint8Array()),
    })),
  };
}
