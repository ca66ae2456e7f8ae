import { randomUUID } from 'node:crypto';

/**
 * A temp name beside `target` that no other writer uses: a worker killed mid-write can leave an orphaned
 * ffmpeg still writing its file, and the job's next attempt must not share that file.
 */
export function partPath(target: string): string {
  return `${target}.${process.pid}-${randomUUID().slice(0, 8)}.part`;
}
