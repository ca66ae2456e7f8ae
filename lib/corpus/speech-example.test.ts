import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { TRANSCRIPT_ALPHABET } from '../text/normalise-spanish.ts';
import { decodeExample, encodeExample } from './example-proto.ts';
import {
  decodeSpeechExample,
  encodeSpeechExample,
  encodeT2TExample,
  SPEECH_FEATURE_SPEC,
  speechExampleByteLength,
  T2T_FEATURE_SPEC,
  t2tExampleByteLength,
  type SpeechExample,
} from './speech-example.ts';
import { readTFRecords } from './tfrecord-reader.ts';
import { TFRecordWriter } from './tfrecord-writer.ts';
import { buildVocab, textToTargets } from './vocab.ts';

const vocab = buildVocab(TRANSCRIPT_ALPHABET);

function example(k: number): SpeechExample {
  let s = 1 + k;
  const samples = Int16Array.from({ length: 1600 * (k + 1) + k }, () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return (s >>> 16) - 32768;
  });
  const text = ['el niño comió', 'pingüino', 'qué año más raro', ''][k % 4]!;
  return {
    id: `utt-${k}`,
    samples,
    sampleRate: 16_000,
    text,
    textOriginal: `«${text}», dijo.`,
    targets: textToTargets(text, vocab),
    speakerId: `spk-${k % 2}`,
    bookId: 'libro-1',
    chapterId: `cap-${k}`,
    confidence: 0.9 - k / 10,
    reviewStatus: k % 2 ? 'approved' : 'auto',
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-speech-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('encodeSpeechExample', () => {
  it('writes exactly the features of DESIGN.md with their kinds', () => {
    const f = decodeExample(encodeSpeechExample(example(1)));
    expect(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.kind]))).toEqual(SPEECH_FEATURE_SPEC);
    expect(f['audio/format']).toEqual({ kind: 'bytes', value: [new TextEncoder().encode('wav')] });
    expect(f['audio/sample_rate']).toEqual({ kind: 'int64', value: [16_000] });
    expect(f['audio/num_samples']).toEqual({ kind: 'int64', value: [3201] });
  });

  it('round-trips through decodeSpeechExample', () => {
    for (let k = 0; k < 4; k++) {
      const ex = example(k);
      const back = decodeSpeechExample(encodeSpeechExample(ex));
      expect(back).toEqual({ ...ex, confidence: Math.fround(ex.confidence), format: 'wav', numSamples: ex.samples.length });
    }
  });

  it('knows its exact size without the samples', () => {
    for (let k = 0; k < 4; k++) {
      const { samples, ...meta } = example(k);
      expect(speechExampleByteLength({ ...meta, numSamples: samples.length })).toBe(encodeSpeechExample(example(k)).length);
      expect(t2tExampleByteLength({ ...meta, numSamples: samples.length })).toBe(encodeT2TExample(example(k)).length);
    }
  });

  it('rejects examples that miss a feature or disagree with their audio', () => {
    const f = decodeExample(encodeSpeechExample(example(0)));
    const { text: _text, ...noText } = f;
    expect(() => decodeSpeechExample(encodeExample(noText))).toThrow(/no "text" feature/);
    expect(() => decodeSpeechExample(encodeExample({ ...f, 'audio/num_samples': { kind: 'int64', value: [5] } }))).toThrow(AppError);
    expect(() => decodeSpeechExample(encodeExample({ ...f, id: { kind: 'int64', value: [5] } }))).toThrow(/expected bytes/);
  });
});

describe('encodeT2TExample', () => {
  it('uses tensor2tensor names, waveforms as int16/32767', () => {
    const ex = example(0);
    const f = decodeExample(encodeT2TExample(ex));
    expect(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.kind]))).toEqual(T2T_FEATURE_SPEC);
    const w = f.waveforms!.value as Float32Array;
    expect(w.length).toBe(ex.samples.length);
    for (let i = 0; i < 50; i++) expect(w[i]).toBe(Math.fround(ex.samples[i]! / 32767));
    expect(f.waveform_lens).toEqual({ kind: 'int64', value: [ex.samples.length] });
    expect(f.targets).toEqual({ kind: 'int64', value: ex.targets });
  });
});

describe('TFRecord round trip', () => {
  it('encode → file → reader → decode gives the same examples; same inputs give the same bytes', async () => {
    const examples = [0, 1, 2, 3, 4, 5].map(example);
    for (const gzip of [false, true]) {
      const infos = [];
      for (const name of ['a', 'b']) {
        const w = new TFRecordWriter(path.join(dir, `${name}-${gzip}.tfrecord`), { gzip });
        for (const ex of examples) await w.write(encodeSpeechExample(ex));
        infos.push(await w.close());
      }
      const [a, b] = infos as [(typeof infos)[0], (typeof infos)[0]];
      expect(a.sha256).toBe(b.sha256);
      expect((await readFile(a.file)).equals(await readFile(b.file))).toBe(true);
      const back = [];
      for await (const r of readTFRecords(a.file)) back.push(decodeSpeechExample(r));
      expect(back.map((x) => x.samples)).toEqual(examples.map((x) => x.samples));
      expect(back.map((x) => [x.id, x.text, x.textOriginal, x.targets])).toEqual(
        examples.map((x) => [x.id, x.text, x.textOriginal, x.targets]),
      );
    }
  });
});
