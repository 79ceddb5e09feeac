/**
 * Reads a JSON answer of at most `maxBytes`, stopping (and cancelling the download) as soon as it grows
 * past that, so a hostile server costs bounded memory. `fail(problem)` makes the error to throw.
 */
export async function readCappedJson(
  response: Response,
  maxBytes: number,
  fail: (problem: string) => Error,
): Promise<unknown> {
  const tooLarge = `more than ${maxBytes} bytes`;
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw fail(tooLarge);
  }
  const text = await readText(response, maxBytes).catch(() => {
    // The download broke off: the connection dropped or the attempt's timeout fired mid-body.
    throw fail('a body that broke off (or took too long)');
  });
  if (text === null) throw fail(tooLarge);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fail('something that is not JSON');
  }
}

/** The body as text, or null once it passes `maxBytes` (the rest is not downloaded). */
async function readText(response: Response, maxBytes: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) return Buffer.concat(chunks).toString('utf8');
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(next.value);
  }
}
