// Guesses a sync map's format from its content first (the signatures are unambiguous), then its file name.
// Audacity exports labels as .txt; aeneas' own extensions (.aud, .tsv, .tab, .textgrid …) are known too.
import { AppError } from '../../errors/app-error.ts';
import { splitTextLines } from './split-text-lines.ts';
import type { SyncMapFormat } from './syncmap-types.ts';

const BY_EXTENSION: Record<string, SyncMapFormat> = {
  json: 'json',
  smil: 'smil',
  smi: 'smil',
  srt: 'srt',
  vtt: 'vtt',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  aud: 'aud',
  textgrid: 'textgrid',
};

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;

export function detectSyncMapFormat(fileName: string, text: string): SyncMapFormat {
  const lines = splitTextLines(text).map((l) => l.trim());
  const head = lines.filter((l) => l !== '');
  const first = head[0] ?? '';
  if (first.startsWith('WEBVTT')) return 'vtt';
  if (/^File type = "ooTextFile/.test(first)) return 'textgrid';
  if (first.startsWith('{')) return 'json';
  if (/<smil\b/.test(head.slice(0, 5).join(' '))) return 'smil';
  if (/^\d+$/.test(first) && /-->/.test(head[1] ?? '')) return 'srt';

  const extension = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  const byName = BY_EXTENSION[extension];
  if (byName) return byName;
  // .txt is ambiguous (Audacity labels, but also hand-made lists): look at the content, default to Audacity.

  if (new RegExp(`^[^,]*,${NUMBER},${NUMBER}(,|$)`).test(first)) return 'csv';
  if (new RegExp(`^${NUMBER}\\t${NUMBER}\\t`).test(first)) {
    // begin, end, then an id (TSV) or a label (Audacity): a label may have spaces or more tabs, an id has neither.
    const tabLines = head.filter((l) => !l.startsWith('\\'));
    const looksLikeIds = tabLines.every((l) => {
      const fields = l.split('\t');
      return fields.length === 3 && /^\S+$/.test(fields[2] ?? '');
    });
    return looksLikeIds && extension !== 'txt' ? 'tsv' : 'aud';
  }
  if (extension === 'txt') return 'aud';
  throw new AppError(
    'INVALID_INPUT',
    `Cannot tell the sync map format of "${fileName}". Use a file ending in .json, .smil, .srt, .vtt, .csv, .tsv, .aud (or Audacity's .txt) or .TextGrid.`,
    { fileName },
  );
}
