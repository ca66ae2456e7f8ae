// Benchmark (not a test): the audio side of ingestion on 1 h of speech as a 64 kbps mono MP3.
// Run: npx tsx bench/ingest-audio.ts [--minutes 60]   Prints one JSON line.
// The generated MP3 is cached in $TMPDIR/alinea-bench/ so reruns skip the (slow) MP3 encode.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { convertToPcm } from '../lib/audio/convert-to-pcm.ts';
import { measureLoudness } from '../lib/audio/measure-loudness.ts';
import { writePeaksFile } from '../lib/audio/peaks-file.ts';
import { probeAudio } from '../lib/audio/probe-audio.ts';
import { scanClipping } from '../lib/audio/scan-clipping.ts';
import { synthesizeSpeech } from '../lib/audio/synthesize-speech.ts';

const run = promisify(execFile);
const minutesArg = process.argv.indexOf('--minutes');
const minutes = minutesArg > 0 ? Number(process.argv[minutesArg + 1]) : 60;

const TEXT = [
  'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho tiempo que vivía un hidalgo',
  'de los de lanza en astillero, adarga antigua, rocín flaco y galgo corredor.',
  'Una olla de algo más vaca que carnero, salpicón las más noches, duelos y quebrantos los sábados,',
  'lantejas los viernes, algún palomino de añadidura los domingos, consumían las tres partes de su hacienda.',
  'El resto della concluían sayo de velarte, calzas de velludo para las fiestas, con sus pantuflos de lo mesmo,',
  'y los días de entre semana se honraba con su vellorí de lo más fino.',
  'Tenía en su casa una ama que pasaba de los cuarenta, y una sobrina que no llegaba a los veinte,',
  'y un mozo de campo y plaza, que así ensillaba el rocín como tomaba la podadera.',
].join('\n\n');

async function sourceMp3(): Promise<string> {
  const cacheDir = path.join(os.tmpdir(), 'alinea-bench');
  const mp3 = path.join(cacheDir, `speech-${minutes}min-64k.mp3`);
  if (existsSync(mp3)) return mp3;
  await mkdir(cacheDir, { recursive: true });
  const speech = path.join(cacheDir, 'speech.wav');
  await synthesizeSpeech(TEXT, speech, { voice: 'es', wordsPerMinute: 160 });
  // Loop the speech, add a faint pink-noise floor (real recordings are never digitally silent), encode.
  await run('ffmpeg', [
    '-hide_banner', '-v', 'error', '-y',
    '-stream_loop', '-1', '-i', speech,
    '-f', 'lavfi', '-i', `anoisesrc=color=pink:amplitude=0.002:sample_rate=22050:duration=${minutes * 60}`,
    '-filter_complex', '[0:a]volume=0.7[s];[s][1:a]amix=inputs=2:duration=shortest:normalize=0,aresample=44100[a]',
    '-map', '[a]', '-t', String(minutes * 60), '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '64k', `${mp3}.part.mp3`,
  ], { maxBuffer: 1 << 20 });
  await rename(`${mp3}.part.mp3`, mp3);
  return mp3;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await fn();
  return [result, (performance.now() - t0) / 1000];
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const [mp3, generateSec] = await timed(sourceMp3);
  const work = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-ingest-'));
  try {
    const wav = path.join(work, 'chapter.wav');
    const peaks = path.join(work, 'chapter.peaks');
    const [probe, probeSec] = await timed(() => probeAudio(mp3));
    let progressCalls = 0;
    const [{ samples }, convertSec] = await timed(() =>
      convertToPcm(mp3, wav, { durationSec: probe.durationSec, onProgress: () => progressCalls++ }),
    );
    const [peaksInfo, peaksSec] = await timed(() => writePeaksFile(wav, peaks));
    // as the ingest job does: on the 16 kHz PCM (a quarter of the samples of the 44.1 kHz source)
    const [loudness, loudnessSec] = await timed(() => measureLoudness(wav));
    const [clipping, clippingSec] = await timed(() => scanClipping(wav));
    const wavMb = (await stat(wav)).size / 1e6;
    const audioSec = probe.durationSec;
    const totalSec = probeSec + convertSec + peaksSec + loudnessSec + clippingSec;
    const x = (sec: number) => round(audioSec / sec, 0);

    console.log(
      JSON.stringify({
        bench: 'ingest-audio',
        input: { file: path.basename(mp3), audioSec: round(audioSec), codec: probe.codec, bitRate: probe.bitRate },
        generatedSec: round(generateSec),
        probe: { sec: round(probeSec, 3) },
        convert: { sec: round(convertSec), xRealtime: x(convertSec), samples, progressCalls },
        peaks: { sec: round(peaksSec), xRealtime: x(peaksSec), mbPerSec: round(wavMb / peaksSec, 0), count: peaksInfo.count },
        loudness: { sec: round(loudnessSec), xRealtime: x(loudnessSec), ...loudness },
        clipping: { sec: round(clippingSec), xRealtime: x(clippingSec), mbPerSec: round(wavMb / clippingSec, 0), ...clipping },
        total: { sec: round(totalSec), xRealtime: x(totalSec) },
        peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0), // this Node process only, not ffmpeg
        cpus: os.cpus().length,
        node: process.version,
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
