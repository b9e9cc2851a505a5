/** JSON columns hold arrays/objects written by our services; read them defensively anyway. */
export function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export function nullableStringList(v: unknown): string[] | null {
  return v == null ? null : stringList(v);
}

export function objectList<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}
