// The chapter page's paragraph table, with what the model heard once a run checked the chapter. A fixed layout with
// set column widths: the text columns share the width and wrap (a run-on transcript included), long cells are
// clamped to four lines with "Show all", so a chapter of long paragraphs stays a readable page.
import { ExpandableText } from './expandable-text.tsx';

export type ParagraphRow = {
  id: string;
  position: number;
  text: string;
  normText: string;
  modelText: string | null;
  modelCer: number | null;
  flag: string | null;
  begin: number | null;
  end: number | null;
  confidence: number | null;
};

function confidenceClass(c: number | null): string {
  if (c == null) return 'text-slate-400';
  return c < 0.5 ? 'text-red-700 font-medium' : c < 0.75 ? 'text-amber-700' : 'text-emerald-700';
}

export function ParagraphCheckTable({ fragments }: { fragments: ParagraphRow[] }) {
  return (
    <table className="w-full table-fixed rounded border border-slate-200 bg-white text-sm" aria-label="Paragraphs">
      <colgroup>
        <col className="w-10" />
        <col />
        <col />
        <col />
        <col className="w-28" />
        <col className="w-24" />
      </colgroup>
      <thead className="bg-slate-100 text-left">
        <tr><th className="px-2 py-2">#</th><th className="pr-4">Original text</th><th className="pr-4">Normalised transcript</th><th className="pr-4">Model heard</th><th>Time (s)</th><th>Confidence</th></tr>
      </thead>
      <tbody>
        {fragments.map((f) => (
          <tr key={f.id} className="border-t border-slate-200 align-top" data-testid="fragment-row">
            <td className="px-2 py-2 text-slate-500">{f.position + 1}</td>
            <td className="py-2 pr-4"><ExpandableText text={f.text} label={`paragraph ${f.position + 1}`} /></td>
            <td className="py-2 pr-4 text-slate-700"><ExpandableText text={f.normText} label={`the transcript of paragraph ${f.position + 1}`} /></td>
            <td className="py-2 pr-4 text-slate-600" data-testid="fragment-model">
              {f.modelText == null ? <span className="text-slate-300">—</span> : (
                <>
                  <ExpandableText text={f.modelText || '(nothing)'} label={`what the model heard in paragraph ${f.position + 1}`} className={f.flag === 'model-mismatch' ? 'text-red-700' : undefined} />
                  <p className="mt-0.5 flex flex-wrap gap-1 text-xs">
                    {f.modelCer != null && <span className="text-slate-400">CER {(f.modelCer * 100).toFixed(0)} %</span>}
                    {f.flag === 'model-mismatch' && <span className="rounded bg-red-50 px-1 text-red-700">model-mismatch</span>}
                  </p>
                </>
              )}
            </td>
            <td className="py-2 text-slate-500 tabular-nums" data-testid="fragment-time">{f.begin == null ? 'not aligned' : `${f.begin.toFixed(2)}–${f.end?.toFixed(2)}`}</td>
            <td className={`py-2 ${confidenceClass(f.confidence)}`} data-testid="fragment-confidence">{f.confidence == null ? '—' : `${(f.confidence * 100).toFixed(0)} %`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
