/** PostgreSQL's unique_violation, which drizzle may wrap (as `cause`) in its own error. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Runs a check-then-insert transaction. When a concurrent one inserted the same key between our
 * check and our insert, the unique violation aborts our transaction; running it once more lets the
 * check see the other's row and give its usual form error (instead of a 500).
 */
export async function retryingOnUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return work();
  }
}
