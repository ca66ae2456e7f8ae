'use client';
// The current paragraph's sentences at the sentence level: text, times, the aligner's confidence (— when none: a
// reviewer moved or re-cut the sentence, or it was stored before confidences were kept), a play button each. The
// one playing and the one selected (clicked here or on the waveform) are highlighted.
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import { fittedSentences } from '@/lib/review/move-sentence-edge.ts';
import { LOW_CONFIDENCE } from '@/lib/review/wave-regions.ts';

export function SentenceList({
  fragment,
  selected,
  playing,
  onSelect,
  onPlay,
}: {
  fragment: FragmentView;
  selected: number | null;
  playing: number | null;
  onSelect: (sentence: number) => void;
  onPlay: (sentence: number, begin: number, end: number) => void;
}) {
  const times = fittedSentences(fragment);
  const sentences = fragment.sentences ?? (times.length ? [{ text: fragment.text, normText: fragment.normText, ...times[0]! }] : []);
  if (sentences.length === 0) return <p className="mt-2 text-xs text-slate-500">No sentence times yet: align the chapter first.</p>;
  return (
    <ol aria-label="Sentences" className="mt-2 divide-y divide-slate-100 rounded border border-slate-200">
      {sentences.map((s, k) => {
        const t = times[k] ?? s;
        const active = selected === k;
        return (
          <li
            key={k}
            aria-current={active ? 'true' : undefined}
            data-testid="sentence-row"
            onClick={() => onSelect(k)}
            className={`flex cursor-pointer items-start gap-2 px-2 py-1.5 text-sm ${
              active ? 'bg-indigo-50' : playing === k ? 'bg-sky-50' : 'hover:bg-slate-50'
            }`}
          >
            <button
              type="button"
              aria-label={`Play sentence ${k + 1}`}
              onClick={(e) => {
                e.stopPropagation();
                onSelect(k);
                onPlay(k, t.begin, t.end);
              }}
              className="mt-0.5 shrink-0 rounded border border-slate-300 bg-white px-1.5 text-xs text-slate-700 hover:bg-slate-100"
            >
              ▶
            </button>
            <span className="w-5 shrink-0 pt-0.5 text-xs text-slate-500">{k + 1}</span>
            <span className="min-w-0 flex-1">
              <span className="block">{s.text}</span>
              <span className="block truncate text-xs text-slate-500">{s.normText}</span>
            </span>
            <span className="shrink-0 pt-0.5 text-xs tabular-nums text-slate-600" data-testid="sentence-times">
              {t.begin.toFixed(2)}–{t.end.toFixed(2)}
            </span>
            <span
              className={`w-10 shrink-0 pt-0.5 text-right text-xs tabular-nums ${
                s.confidence !== undefined && s.confidence < LOW_CONFIDENCE ? 'font-medium text-red-700' : 'text-slate-600'
              }`}
              data-testid="sentence-confidence"
              title="Alignment confidence of this sentence"
            >
              {s.confidence === undefined ? '—' : `${Math.round(s.confidence * 100)} %`}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
