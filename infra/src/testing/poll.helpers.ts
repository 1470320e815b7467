/**
 * Tests wait for a condition, never for a fixed time: a loaded machine makes any fixed sleep too
 * short sooner or later.
 */

/** Polls until check returns a value (not undefined) and answers it; fails once timeoutMs has passed. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
  what = 'condition',
  intervalMs = 25,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Polls until check holds; answers how many milliseconds that took. */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  intervalMs = 25,
): Promise<number> {
  const started = Date.now();
  await eventually(async () => ((await check()) ? true : undefined), timeoutMs, what, intervalMs);
  return Date.now() - started;
}
