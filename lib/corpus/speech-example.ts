// The corpus's tf.train.Example layouts. Feature names and kinds are the contract with training code
// (DESIGN.md "Export"); parse them with tf.io.parse_single_example using the spec in dataset.json.
import { AppError } from '../errors/app-error.ts';
import { decodeExample, encodeExample, exampleByteLength, type DecodedFeatures, type Features } from './example-proto.ts';
import { parseWavBytes, WAV_HEADER_BYTES, wavBytes } from '../audio/wav-bytes.ts';

export type SpeechExample = {
  id: string;
  /** 16-bit PCM mono. */
  samples: Int16Array;
  sampleRate: number;
  /** Normalised transcript (the alphabet of vocab.txt). */
  text: string;
  textOriginal: string;
  /** Character ids of `text` per vocab.txt. */
  targets: readonly number[];
  speakerId: string;
  bookId: string;
  chapterId: string;
  /** Alignment confidence 0..1; stored as float32. */
  confidence: number;
  reviewStatus: string;
};

export type DecodedSpeechExample = SpeechExample & { format: string; numSamples: number };

/** The features of the export, name → kind: the spec written to dataset.json. */
export const SPEECH_FEATURE_SPEC = {
  id: 'bytes',
  'audio/encoded': 'bytes',
  'audio/format': 'bytes',
  'audio/sample_rate': 'int64',
  'audio/num_samples': 'int64',
  text: 'bytes',
  'text/original': 'bytes',
  targets: 'int64',
  speaker_id: 'bytes',
  book_id: 'bytes',
  chapter_id: 'bytes',
  confidence: 'float',
  'review/status': 'bytes',
} as const;

/** tensor2tensor speech problems' names (waveforms as floats int16/32767). */
export const T2T_FEATURE_SPEC = {
  waveforms: 'float',
  waveform_lens: 'int64',
  targets: 'int64',
  raw_transcript: 'bytes',
  utt_id: 'bytes',
  spk_id: 'bytes',
} as const;

const utf8 = new TextEncoder();
const bytes = (s: string): Features[string] => ({ kind: 'bytes', value: [utf8.encode(s)] });
const int64 = (v: readonly number[]): Features[string] => ({ kind: 'int64', value: v });

function speechFeatures(ex: Omit<SpeechExample, 'samples'>, numSamples: number, audio: Uint8Array): Features {
  return {
    id: bytes(ex.id),
    'audio/encoded': { kind: 'bytes', value: [audio] },
    'audio/format': bytes('wav'),
    'audio/sample_rate': int64([ex.sampleRate]),
    'audio/num_samples': int64([numSamples]),
    text: bytes(ex.text),
    'text/original': bytes(ex.textOriginal),
    targets: int64(ex.targets),
    speaker_id: bytes(ex.speakerId),
    book_id: bytes(ex.bookId),
    chapter_id: bytes(ex.chapterId),
    confidence: { kind: 'float', value: [ex.confidence] },
    'review/status': bytes(ex.reviewStatus),
  };
}

/** Serialized tf.train.Example of one utterance, audio embedded as a 16-bit PCM WAV. */
export function encodeSpeechExample(ex: SpeechExample): Uint8Array {
  return encodeExample(speechFeatures(ex, ex.samples.length, wavBytes(ex.samples, ex.sampleRate)));
}

/** Exact length of encodeSpeechExample(ex) without the samples: for planning shards before reading audio. */
export function speechExampleByteLength(ex: Omit<SpeechExample, 'samples'> & { numSamples: number }): number {
  const f = speechFeatures(ex, ex.numSamples, new Uint8Array(0));
  return exampleByteLength({ ...f, 'audio/encoded': { kind: 'bytes', value: [{ byteLength: WAV_HEADER_BYTES + 2 * ex.numSamples }] } });
}

export type T2TExample = Pick<SpeechExample, 'id' | 'samples' | 'text' | 'targets' | 'speakerId'>;

function t2tFeatures(ex: Omit<T2TExample, 'samples'>, waveforms: ArrayLike<number>): Features {
  return {
    waveforms: { kind: 'float', value: waveforms },
    waveform_lens: int64([waveforms.length]),
    targets: int64(ex.targets),
    raw_transcript: bytes(ex.text),
    utt_id: bytes(ex.id),
    spk_id: bytes(ex.speakerId),
  };
}

/**
 * The same utterance with tensor2tensor's speech feature names. `targets` are written as given: t2t's own
 * problems use their text encoder's ids (0 = PAD, 1 = EOS appended), so pass ids that the model expects.
 */
export function encodeT2TExample(ex: T2TExample): Uint8Array {
  const w = new Float32Array(ex.samples.length);
  for (let i = 0; i < w.length; i++) w[i] = ex.samples[i]! / 32767;
  return encodeExample(t2tFeatures(ex, w));
}

export function t2tExampleByteLength(ex: Omit<T2TExample, 'samples'> & { numSamples: number }): number {
  return exampleByteLength(t2tFeatures(ex, { length: ex.numSamples }));
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

type Decoded = DecodedFeatures[string];

function field(f: DecodedFeatures, name: string, kind: Decoded['kind']): Decoded {
  const feature = f[name];
  if (!feature) throw new AppError('INVALID_INPUT', `The example has no "${name}" feature.`, { feature: name });
  if (feature.kind !== kind) {
    throw new AppError('INVALID_INPUT', `Feature "${name}" is a ${feature.kind} list, expected ${kind}.`, { feature: name });
  }
  return feature;
}

const bytesOf = (f: DecodedFeatures, name: string) => (field(f, name, 'bytes') as Extract<Decoded, { kind: 'bytes' }>).value;
const int64Of = (f: DecodedFeatures, name: string) => (field(f, name, 'int64') as Extract<Decoded, { kind: 'int64' }>).value;
const floatOf = (f: DecodedFeatures, name: string) => (field(f, name, 'float') as Extract<Decoded, { kind: 'float' }>).value;

function one<T>(values: ArrayLike<T>, name: string): T {
  if (values.length !== 1) throw new AppError('INVALID_INPUT', `Feature "${name}" holds ${values.length} values, expected 1.`, { feature: name });
  return values[0]!;
}

function str(f: DecodedFeatures, name: string): string {
  try {
    return utf8Strict.decode(one(bytesOf(f, name), name));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INVALID_INPUT', `Feature "${name}" is not UTF-8 text.`, { feature: name });
  }
}

function num(f: DecodedFeatures, name: string): number {
  return Number(one(int64Of(f, name), name));
}

/** Parses an Example written by encodeSpeechExample back to plain values (samples from the WAV). */
export function decodeSpeechExample(bytes: Uint8Array): DecodedSpeechExample {
  const f = decodeExample(bytes);
  const format = str(f, 'audio/format');
  if (format !== 'wav') throw new AppError('UNSUPPORTED_MEDIA', `audio/format is "${format}", expected "wav".`);
  const { samples, sampleRate } = parseWavBytes(one(bytesOf(f, 'audio/encoded'), 'audio/encoded'));
  const numSamples = num(f, 'audio/num_samples');
  const declaredRate = num(f, 'audio/sample_rate');
  if (numSamples !== samples.length || declaredRate !== sampleRate) {
    throw new AppError('INVALID_INPUT', `audio/num_samples or audio/sample_rate disagree with the embedded WAV.`);
  }
  return {
    id: str(f, 'id'),
    samples,
    sampleRate,
    text: str(f, 'text'),
    textOriginal: str(f, 'text/original'),
    targets: int64Of(f, 'targets').map(Number),
    speakerId: str(f, 'speaker_id'),
    bookId: str(f, 'book_id'),
    chapterId: str(f, 'chapter_id'),
    confidence: one(floatOf(f, 'confidence'), 'confidence'),
    reviewStatus: str(f, 'review/status'),
    format,
    numSamples,
  };
}
