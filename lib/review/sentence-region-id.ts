// Waveform region ids at the sentence level: `<fragmentId>:s<k>` (k from 0), so a region names its paragraph
// and its sentence. Fragment ids (cuids) never contain ':'.

export function sentenceRegionId(fragmentId: string, sentence: number): string {
  return `${fragmentId}:s${sentence}`;
}

/** The paragraph and sentence of a sentence region id, or null for a paragraph region's id. */
export function parseSentenceRegionId(id: string): { fragmentId: string; sentence: number } | null {
  const m = /^(.+):s(\d+)$/.exec(id);
  return m ? { fragmentId: m[1]!, sentence: Number(m[2]) } : null;
}
