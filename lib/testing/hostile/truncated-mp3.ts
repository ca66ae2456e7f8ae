// Hostile input (issue #10): an MP3 cut off part way (an interrupted download). Its header still promises the whole
// duration; the decoder gives up early. Made with ffmpeg: `seconds` of a tone at 64 kb/s, then `keep` of its bytes.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export async function buildTruncatedMp3(seconds = 20, keep = 0.3): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'alinea-hostile-mp3-'));
  try {
    const out = path.join(dir, 'tone.mp3');
    await promisify(execFile)('ffmpeg', [
      '-v', 'error', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
      // a Xing/Info header with the full frame count: the declared duration outlives the cut
      '-ac', '1', '-ar', '22050', '-b:a', '64k', '-write_xing', '1', out,
    ]);
    const whole = await readFile(out);
    return whole.subarray(0, Math.floor(whole.length * keep));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
