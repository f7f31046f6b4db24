// The message of anything thrown, for plain-English reports.

/** A thrown value's message; not `instanceof Error`, which fails for errors made in another realm (the services'). */
export function messageOf(e: unknown): string {
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(e);
}
