/** An answer the emulator sends: OpenAI's error JSON `{ error: { message, type, param, code } }`. */
export class OpenAiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body() {
    return { error: { message: this.message, type: this.type, param: null, code: this.code } };
  }
}

export const invalidRequest = (message: string, status = 400) =>
  new OpenAiError(status, message, 'invalid_request_error');

export const notFound = (what: string) => new OpenAiError(404, `No such ${what}`, 'invalid_request_error');
