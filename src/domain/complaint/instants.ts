/** Compares two ISO 8601 instants by the moment they name (offsets may differ). */
export function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
