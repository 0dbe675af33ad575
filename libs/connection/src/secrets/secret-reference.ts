/** `<secret id or ARN>#<JSON field>`: the field is optional; a `#` inside an ARN is not allowed by AWS, so the last one splits. */
export interface SecretReference {
  secretId: string;
  field?: string;
}

export function parseSecretReference(text: string): SecretReference {
  const at = text.lastIndexOf('#');
  if (at < 0) return { secretId: text.trim() };
  return { secretId: text.slice(0, at).trim(), field: text.slice(at + 1).trim() };
}

export const formatSecretReference = ({ secretId, field }: SecretReference) =>
  field === undefined ? secretId : `${secretId}#${field}`;
