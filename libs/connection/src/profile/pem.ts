const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export interface PemBlock {
  label: string;
  pem: string;
}

/**
 * Reads PEM blocks out of text the way environment systems hand it over: literal `\n` escapes,
 * CRLF line ends, indentation, quotes, or the body folded onto one line. Each block comes back
 * in canonical form (64-column body, LF line ends).
 */
export function parsePemBlocks(text: string): PemBlock[] {
  const unescaped = text.replace(/\\r/g, '').replace(/\\n/g, '\n');
  return [...unescaped.matchAll(PEM_BLOCK)].map(([, label, body]) => {
    const base64 = body.replace(/\s+/g, '');
    const lines = base64.match(/.{1,64}/g) ?? [];
    return { label, pem: [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n') };
  });
}

export function isPrivateKeyLabel(label: string): boolean {
  return label.endsWith('PRIVATE KEY');
}
