/**
 * The success banner's text after a POST-redirect-GET (`?done=added`), chosen here rather than in
 * the template: a Nunjucks lookup like `messages[done]` also finds inherited properties, so
 * `?done=constructor` would show a function's source. Only the map's own keys count; anything
 * else means no banner.
 */
export function successMessage(
  messages: Readonly<Record<string, string>>,
  done: string | undefined,
): string | undefined {
  return done !== undefined && Object.hasOwn(messages, done) ? messages[done] : undefined;
}

/** A count carried in the query (`?moved=3`): a non-negative whole number, else undefined. */
export function countFromQuery(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}
