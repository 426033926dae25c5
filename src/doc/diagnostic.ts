export type Severity = 'fatal' | 'error' | 'warning' | 'info';

/** A finding about the content of one document; never thrown. */
export interface Diagnostic {
  readonly start?: number;
  readonly end?: number;
  readonly component: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}
