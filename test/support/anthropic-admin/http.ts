/** The error types of Anthropic's error JSON (`BetaErrorObject` in `@anthropic-ai/sdk`), by status. */
const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** What a route answers; `headers` are added to the JSON content type. */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** An answer the handler throws: the vendor's `{type: 'error', error: {type, message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(status: number, message: string, requestId: string | null) {
  return {
    type: 'error' as const,
    error: { type: ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'), message },
    request_id: requestId,
  };
}

export function ok(body: unknown): Answer {
  return { status: 200, body };
}
