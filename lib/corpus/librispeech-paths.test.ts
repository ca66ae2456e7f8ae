import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { librispeechPaths, transcriptLine } from './librispeech-paths.ts';

describe('librispeechPaths', () => {
  it('lays out files as LibriSpeech does', () => {
    expect(librispeechPaths({ split: 'train', speaker: 103, chapter: 1240, utterance: 7 })).toEqual({
      uttId: '103-1240-0007',
      flac: 'train/103/1240/103-1240-0007.flac',
      transcript: 'train/103/1240/103-1240.trans.txt',
    });
    expect(librispeechPaths({ split: 'dev', speaker: 0, chapter: 3, utterance: 12_345 }).uttId).toBe('0-3-12345');
  });

  it('rejects ids that readers could not parse back', () => {
    expect(() => librispeechPaths({ split: 'train', speaker: -1, chapter: 1, utterance: 0 })).toThrow(AppError);
    expect(() => librispeechPaths({ split: 'train', speaker: 1, chapter: 1.5, utterance: 0 })).toThrow(AppError);
    expect(() => librispeechPaths({ split: '../x', speaker: 1, chapter: 1, utterance: 0 })).toThrow(AppError);
  });
});

describe('transcriptLine', () => {
  it('keeps the normalised lower-case text', () => {
    expect(transcriptLine('103-1240-0007', 'el pingüino comió')).toBe('103-1240-0007 el pingüino comió');
    expect(() => transcriptLine('1-1-0000', 'dos\nlíneas')).toThrow(AppError);
    expect(() => transcriptLine('1-1-0000', ' borde')).toThrow(AppError);
  });
});
