// Sync map model shared by the aligner, the editor and the exporters. Times are seconds from the start of the
// audio; `lines` are the text lines of the fragment (subtitle formats keep them apart, others join them with a space).
export type SyncFragment = {
  id: string;
  begin: number;
  end: number;
  lines: string[];
  language?: string;
  /** Finer levels (sentences → words); only the aeneas JSON format keeps them. */
  children?: SyncFragment[];
};

export type SyncMap = { fragments: SyncFragment[] };

export const SYNCMAP_FORMATS = ['json', 'smil', 'srt', 'vtt', 'csv', 'tsv', 'aud', 'textgrid'] as const;

export type SyncMapFormat = (typeof SYNCMAP_FORMATS)[number];

export const SYNCMAP_FORMAT_LABELS: Record<SyncMapFormat, string> = {
  json: 'aeneas JSON',
  smil: 'SMIL',
  srt: 'SRT',
  vtt: 'WebVTT',
  csv: 'CSV',
  tsv: 'TSV',
  aud: 'Audacity labels',
  textgrid: 'Praat TextGrid',
};
