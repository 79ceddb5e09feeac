/** The range could not be obtained from origin: one line saying what failed and what to change. */
export class FetchError extends Error {
  override name = 'FetchError';
}
