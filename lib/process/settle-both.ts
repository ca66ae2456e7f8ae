// Two pieces of work at once, stopped together: what runs beside a failed one is asked to stop and awaited.
/**
 * Both promises' values; when one rejects, `stop` is called (so the other winds down) and, once both have settled,
 * the first rejection is thrown — nothing is left running behind an error.
 */
export async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>, stop: () => void): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a.catch((e: unknown) => (stop(), Promise.reject(e))), b.catch((e: unknown) => (stop(), Promise.reject(e)))]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}
