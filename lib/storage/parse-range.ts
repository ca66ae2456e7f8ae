import { AppError } from '../errors/app-error.ts';

/** One HTTP byte range ("bytes=a-b", "bytes=a-", "bytes=-n") → inclusive [start, end], or null for none. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw new AppError('INVALID_INPUT', `Unsupported Range header "${header}"; use one byte range.`);
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return { start: size, end: size - 1 };
  return { start, end };
}
