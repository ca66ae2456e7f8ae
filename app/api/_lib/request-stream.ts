// Request bodies at the edge, never buffered past their cap: an upload streams on (size-limited by storage), a
// JSON or text body is read chunk by chunk and refused with 413 as soon as it passes its cap (or up front, from
// Content-Length), and the rest of the body is not read.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '@/lib/errors/app-error.ts';
import { getConfig } from '@/lib/config/env.ts';

/** JSON bodies of the API are small (ids, settings, an edit): 1 MB is far more than any needs. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** What may be sent as a body: JSON to every route; raw files (`body: 'upload'` routes) as these types. */
export const JSON_TYPES = ['application/json'];
export const UPLOAD_TYPES = ['application/octet-stream', 'application/zip', 'application/x-zip-compressed', 'application/epub+zip', 'audio/*'];

function mediaType(req: Request): string | null {
  return req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() || null;
}

function hasBody(req: Request): boolean {
  const length = req.headers.get('content-length');
  return (length !== null && length.trim() !== '0') || req.headers.has('transfer-encoding');
}

/** Throws UNSUPPORTED_MEDIA unless the body (if any) is one of `accepted` (`type/*` matches a whole family). */
export function assertContentType(req: Request, accepted: readonly string[]): void {
  const type = mediaType(req);
  if (type === null && !hasBody(req)) return;
  const ok = type !== null && accepted.some((a) => (a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : a === type));
  if (!ok) {
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      `This route takes ${accepted.join(', ')} bodies, not ${type ?? 'a body without a Content-Type'}. Send it with Content-Type: ${accepted[0]}.`,
      { contentType: type, accepted },
    );
  }
}

function tooLarge(label: string, limit: number): AppError {
  const size = limit >= 1048576 ? `${Math.round(limit / 1048576)} MB` : `${Math.round(limit / 1024)} KB`;
  return new AppError('TOO_LARGE', `${label} is larger than ${size}, the most this route takes. Send a smaller one.`, { limit });
}

/**
 * The whole body, read with a byte cap: a Content-Length over it is refused before reading, and a body that
 * passes it while streaming is cancelled there (the rest is never pulled).
 */
export async function readBodyBytes(req: Request, limit: number, label = 'The request body'): Promise<Buffer> {
  const length = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(length) && length > limit) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge(label, limit);
  }
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(label, limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** The body as UTF-8 text (a leading BOM dropped), read with a byte cap (see readBodyBytes). */
export async function readBodyText(req: Request, limit: number, label?: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await readBodyBytes(req, limit, label));
}

/** The request body as a Node stream (never buffered whole), and the file name from ?name=. */
export function uploadFromRequest(req: Request): { name: string; stream: Readable } {
  const name = new URL(req.url).searchParams.get('name')?.trim();
  if (!name) throw new AppError('INVALID_INPUT', 'Missing ?name= with the uploaded file name.');
  const length = Number(req.headers.get('content-length') ?? NaN);
  const limit = getConfig().maxUploadBytes;
  if (Number.isFinite(length) && length > limit) {
    throw new AppError('TOO_LARGE', `${name} is larger than the upload limit of ${Math.round(limit / 1048576)} MB. Split it or raise ALINEA_MAX_UPLOAD_MB.`, { file: name });
  }
  if (!req.body) return { name, stream: Readable.from([]) };
  return { name, stream: Readable.fromWeb(req.body as unknown as WebReadableStream) };
}
