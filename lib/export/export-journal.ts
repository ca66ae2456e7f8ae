// The resume journal of an export in progress: by default `.journal.jsonl` in the staging directory (the job keeps
// it beside the directory instead, so that it outlives a failed publish: publish-export.ts). Line 1 names the
// plan's fingerprint; each further line is one finished unit (a shard, or one chapter's LibriSpeech files),
// appended after its files were renamed into place. A restart with the same fingerprint keeps the units whose
// files still hash to what the journal says; anything else in the staging directory is rewritten.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export const JOURNAL_FILE = '.journal.jsonl';

export type JournalFile = { file: string; bytes: number; sha256: string };
/** The journal file and the staging directory its units' files are relative to. */
export type Journal = { file: string; dir: string };

export function journalIn(stagingDir: string): Journal {
  return { file: path.join(stagingDir, JOURNAL_FILE), dir: stagingDir };
}
export type JournalUnit = { unit: string; files: JournalFile[]; examples: number };

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), h);
  return h.digest('hex');
}

/** Units of a previous run with this fingerprint whose files are intact (sha256 checked). */
export async function loadJournal(journal: Journal, fingerprint: string): Promise<Map<string, JournalUnit> | null> {
  let text: string;
  try {
    text = await readFile(journal.file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n').filter(Boolean);
  const parse = (l: string): unknown => {
    try {
      return JSON.parse(l);
    } catch {
      return null; // a line cut by the crash
    }
  };
  const head = parse(lines[0] ?? '') as { fingerprint?: string } | null;
  if (!head || head.fingerprint !== fingerprint) return null;
  const units = new Map<string, JournalUnit>();
  for (const l of lines.slice(1)) {
    const u = parse(l) as JournalUnit | null;
    if (!u || typeof u.unit !== 'string' || !Array.isArray(u.files)) continue;
    let ok = true;
    for (const f of u.files) {
      try {
        if ((await sha256File(path.join(journal.dir, f.file))) !== f.sha256) ok = false;
      } catch {
        ok = false;
      }
      if (!ok) break;
    }
    if (ok) units.set(u.unit, u);
  }
  return units;
}

export async function startJournal(journal: Journal, fingerprint: string, keep: Iterable<JournalUnit>): Promise<void> {
  const lines = [JSON.stringify({ fingerprint }), ...[...keep].map((u) => JSON.stringify(u))];
  await writeFile(journal.file, `${lines.join('\n')}\n`);
}

export async function appendJournal(journal: Journal, unit: JournalUnit): Promise<void> {
  await appendFile(journal.file, `${JSON.stringify(unit)}\n`);
}
