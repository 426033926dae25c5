/** An error with an HTTP status; the server's one error handler turns it into a JSON or HTML reply. */
export class HttpError extends Error {
  readonly status: number;
  /** A stable, machine-readable code (`bad_request`, `not_found`, `unauthorized`, …). */
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, message: string, opts: { code?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = opts.code ?? defaultCode(status);
    this.headers = opts.headers ?? {};
  }
}

function defaultCode(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 421:
      return 'misdirected_request';
    default:
      return status >= 500 ? 'internal_error' : 'error';
  }
}
