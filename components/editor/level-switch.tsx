'use client';
// "Paragraphs | Sentences": which level the waveform regions and the side list show (V toggles it).
import type { EditorLevel } from '@/lib/review/wave-regions.ts';

const LEVELS: Array<{ level: EditorLevel; label: string }> = [
  { level: 'paragraph', label: 'Paragraphs' },
  { level: 'sentence', label: 'Sentences' },
];

export function LevelSwitch({ level, onChange }: { level: EditorLevel; onChange: (level: EditorLevel) => void }) {
  return (
    <div role="group" aria-label="Level" title="Level (V)" className="inline-flex overflow-hidden rounded border border-slate-300 text-sm font-medium">
      {LEVELS.map((l, i) => (
        <button
          key={l.level}
          type="button"
          aria-pressed={level === l.level}
          onClick={() => onChange(l.level)}
          className={`px-3 py-1.5 ${i > 0 ? 'border-l border-slate-300' : ''} ${
            level === l.level ? 'bg-indigo-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'
          }`}
        >
          {l.label}
        </button>
      ))}
    </div>
  );
}
