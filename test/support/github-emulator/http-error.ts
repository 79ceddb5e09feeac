/**
 * An error answer in GitHub's shape: `{ message, documentation_url, status }` plus `errors` for
 * validation failures. Route handlers throw it; the server renders it.
 * https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      documentation_url: 'https://docs.github.com/rest',
      status: String(this.status),
      ...this.extra,
    };
  }
}

export const notFound = (): HttpError => new HttpError(404, 'Not Found');

/** 422 with one field error, as GitHub reports validation failures. */
export function validationFailed(resource: string, field: string, code: string, message?: string): HttpError {
  const error: Record<string, string> = { resource, field, code };
  if (message !== undefined) error.message = message;
  return new HttpError(422, 'Validation Failed', { errors: [error] });
}
