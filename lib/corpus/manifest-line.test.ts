import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { manifestLine } from './manifest-line.ts';

describe('manifestLine', () => {
  it('writes the NeMo keys in a fixed order, UTF-8 text unescaped', () => {
    const line = manifestLine({
      audioFilepath: 'librispeech/train/1/2/1-2-0000.flac',
      duration: 52_801 / 16_000,
      text: 'señor "quijote"',
      id: '1-2-0000',
      speakerId: 'spk-1',
    });
    expect(line).toBe(
      '{"audio_filepath":"librispeech/train/1/2/1-2-0000.flac","duration":3.3000625,"text":"señor \\"quijote\\"","id":"1-2-0000","speaker_id":"spk-1"}',
    );
    expect(JSON.parse(line).duration * 16_000).toBe(52_801);
    expect(manifestLine({ audioFilepath: 'a', duration: 0.1 + 0.2, text: '', id: 'x', speakerId: 's' })).toContain('"duration":0.3,');
  });

  it('rejects a bad duration', () => {
    expect(() => manifestLine({ audioFilepath: 'a', duration: Number.NaN, text: '', id: 'x', speakerId: 's' })).toThrow(AppError);
  });
});
