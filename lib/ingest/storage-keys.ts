// Where each file of a book lives in storage.
export const storageKeys = {
  audioDir: (bookId: string, audioId: string) => `books/${bookId}/audio/${audioId}`,
  audioOriginal: (bookId: string, audioId: string, ext: string) => `books/${bookId}/audio/${audioId}/original${ext}`,
  audioPcm: (bookId: string, audioId: string) => `books/${bookId}/audio/${audioId}/audio-16k.wav`,
  audioPeaks: (bookId: string, audioId: string) => `books/${bookId}/audio/${audioId}/peaks.bin`,
  /** The low-resolution spectrogram (lib/align/spectrogram-file.ts); files ingested before it existed lack it. */
  audioSpectrogram: (bookId: string, audioId: string) => `books/${bookId}/audio/${audioId}/spectrogram.bin`,
  ebookOriginal: (bookId: string, ext: string) => `books/${bookId}/ebook/original${ext}`,
  ebookParsed: (bookId: string) => `books/${bookId}/ebook/parsed.json`,
};
