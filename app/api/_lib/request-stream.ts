import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '@/lib/errors/app-error.ts';
import { getConfig } from '@/lib/config/env.ts';

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
