/** A copy of `record` without the named fields. */
export function omit<T extends object>(record: T, fields: string[]): T {
  return Object.fromEntries(Object.entries(record).filter(([field]) => !fields.includes(field))) as T;
}
