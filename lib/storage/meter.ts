import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { AppError } from '../errors/app-error.ts';

/** Counts and hashes bytes passing through; fails with TOO_LARGE past the limit. */
export function meter(maxBytes: number | undefined, label: string) {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) {
        cb(
          new AppError(
            'TOO_LARGE',
            `${label} is larger than the upload limit of ${Math.round(maxBytes / 1048576)} MB. ` +
              'Split it or raise ALINEA_MAX_UPLOAD_MB.',
            { file: label, limitBytes: maxBytes },
          ),
        );
        return;
      }
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  return { transform, result: () => ({ size, sha256: hash.digest('hex') }) };
}
