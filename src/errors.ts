/**
 * Every error Attaché throws on purpose carries a stable code, so users can grep for it
 * and the CLI can map it to a one-line message and an exit code.
 */
export const ERRORS = {
  ATT_E001: 'Pipeline requirement not met',
  ATT_E002: 'Duplicate component in pipeline',
  ATT_E003: 'Unknown layer',
  ATT_E004: 'Span out of range',
  ATT_E010: 'Empty input',
  ATT_E011: 'Binary input',
  ATT_E012: 'Input too large',
  ATT_E013: 'Invalid text encoding',
  ATT_E014: 'No article found in HTML',
  ATT_E015: 'Unreadable input',
  ATT_E016: 'Malformed input record',
  ATT_E017: 'Unsupported input type',
  ATT_E020: 'Invalid knowledge base entry',
  ATT_E021: 'Invalid issue definition',
  ATT_E030: 'Bad command-line usage',
  ATT_E031: 'Data set not found',
  ATT_E040: 'Store error',
  ATT_E041: 'Store schema newer than this program',
  ATT_E050: 'Network error',
  ATT_E060: 'Invalid request',
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** An error with a stable code; `where` names the file, URL or record it concerns. */
export class AttacheError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;

  constructor(code: ErrorCode, message: string, where?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AttacheError';
    this.code = code;
    this.where = where;
  }

  /** One line for a human: `FILE: message [CODE]`. */
  oneLine(): string {
    return `${this.where ? `${this.where}: ` : ''}${this.message} [${this.code}]`;
  }
}

export function isAttacheError(e: unknown): e is AttacheError {
  return e instanceof AttacheError;
}

/** A one-line description of any thrown value, for batch reports; never a stack trace. */
export function describeError(e: unknown, where?: string): string {
  if (isAttacheError(e)) return e.oneLine();
  const msg = e instanceof Error ? e.message : String(e);
  return `${where ? `${where}: ` : ''}${msg.split('\n')[0]}`;
}
