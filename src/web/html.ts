/**
 * The one escaping function of the dashboard, and a tagged template that applies it to every
 * interpolated value. Article text is untrusted: it only ever reaches a page through `escapeHtml`.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values; drops C0 controls HTML forbids. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']|[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, (c) => ESCAPES[c] ?? '');
}

/** HTML that is already safe: built by `html`, or a constant written in our own code. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Interpolated value: safe HTML passes through, lists are concatenated, anything else is escaped. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return (v as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(v));
}

/** `html\`<p>${text}</p>\`` escapes `text`; nested `html` fragments are kept as they are. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Marks a constant of our own code as HTML. Never pass data through this. */
export function trusted(constant: string): SafeHtml {
  return new SafeHtml(constant);
}

export function joinHtml(parts: readonly SafeHtml[], sep = ''): SafeHtml {
  return new SafeHtml(parts.map((p) => p.value).join(sep));
}

/**
 * Escapes a snippet whose matched words are wrapped in `open`/`close` control characters and turns
 * those marks into `<mark>`; unbalanced marks are closed, stray closers dropped.
 */
export function snippetHtml(s: string, open: string, close: string): SafeHtml {
  let out = '';
  let depth = 0;
  let buf = '';
  for (const ch of s) {
    if (ch === open || ch === close) {
      out += escapeHtml(buf);
      buf = '';
      if (ch === open && depth === 0) {
        out += '<mark>';
        depth = 1;
      } else if (ch === close && depth === 1) {
        out += '</mark>';
        depth = 0;
      }
    } else buf += ch;
  }
  out += escapeHtml(buf);
  if (depth) out += '</mark>';
  return new SafeHtml(out);
}

/** A link target inside the dashboard: path segments are percent-encoded, the query built from pairs. */
export function href(path: string, query?: Record<string, string | number | undefined>): string {
  const qs = query
    ? Object.entries(query)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&')
    : '';
  return qs ? `${path}?${qs}` : path;
}

/** An external URL we may link to: only http(s), otherwise undefined. */
export function externalUrl(u: string | undefined): string | undefined {
  if (!u) return undefined;
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : undefined;
  } catch {
    return undefined;
  }
}
