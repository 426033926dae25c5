import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AttacheError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments; unknown options become a one-line usage error. */
export function parse<O extends Options>(
  argv: string[],
  options: O,
  usage: string,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new AttacheError('ATT_E030', `${(e as Error).message.split('\n')[0]}\nusage: ${usage}`);
  }
}

export function intOption(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new AttacheError('ATT_E030', `--${name} takes a non-negative number, not "${v}"`);
  return n;
}

/** `20MB`, `512k`, `1048576` → bytes. */
export function sizeOption(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(v.trim());
  if (!m) throw new AttacheError('ATT_E030', `--${name} takes a size such as 20MB or 512k, not "${v}"`);
  const mult = { '': 1, k: 1024, m: 1048576, g: 1073741824 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * mult);
}

export function listOption(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}
