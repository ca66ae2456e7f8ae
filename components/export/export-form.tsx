'use client';
// Filters, split and formats of a new export, with a live preview (debounced) of what it would contain.
import { useEffect, useMemo, useState } from 'react';
import type { ExportPreview } from '@/lib/export/preview-export.ts';
import type { ExportSettings } from '@/lib/export/export-settings.ts';
import { apiJson } from '../api-client.ts';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formFromSettings, toSettings, type FormState } from './export-form-state.ts';

const STATUSES = ['approved', 'edited', 'auto', 'rejected'] as const;
const FORMATS = [
  { id: 'tfrecord', label: 'TFRecord' },
  { id: 'librispeech', label: 'LibriSpeech (FLAC)' },
  { id: 'jsonl', label: 'JSONL manifests' },
] as const;
const GROUPS = ['chapter', 'book', 'speaker', 'fragment'] as const;
const UNITS = [
  { id: 'paragraph', label: 'paragraph' },
  { id: 'sentence', label: 'sentence (each sentence of a paragraph)' },
] as const;

const input = 'w-24 rounded border border-slate-300 px-2 py-1 text-sm';

function Field({ label, value, onChange, step = 'any' }: { label: string; value: string; onChange: (v: string) => void; step?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm text-slate-700">
      {label}
      <input type="number" step={step} min={0} className={input} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function ExportForm({ projectId, books, lastSettings, onStarted }: { projectId: string; books: { id: string; title: string }[]; lastSettings?: ExportSettings; onStarted: () => void }) {
  // starts as the project's last export left it (its settings are stored with it), so a reload keeps them
  const [form, setForm] = useState<FormState>(() => formFromSettings(lastSettings, books));
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const settings = useMemo(() => toSettings(form, books.length), [form, books.length]);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));
  const toggle = (k: 'statuses' | 'formats' | 'bookIds', v: string) =>
    setForm((f) => ({ ...f, [k]: f[k].includes(v) ? f[k].filter((x) => x !== v) : [...f[k], v] }));

  useEffect(() => {
    let stale = false;
    const t = setTimeout(async () => {
      try {
        const r = await apiJson<{ preview: ExportPreview }>(`/api/projects/${projectId}/exports/preview`, { body: settings });
        if (!stale) {
          setPreview(r.preview);
          setPreviewError(null);
        }
      } catch (e) {
        if (!stale) setPreviewError((e as Error).message);
      }
    }, 250);
    return () => {
      stale = true;
      clearTimeout(t);
    };
  }, [projectId, settings]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiJson(`/api/projects/${projectId}/exports`, { body: settings });
      onStarted();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="New export" className="space-y-4 rounded border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">New export</h2>
      <div className="grid gap-4 md:grid-cols-2">
        {books.length > 1 && (
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">Books</legend>
            {books.map((b) => (
              <label key={b.id} className="mr-3 inline-flex items-center gap-1">
                <input type="checkbox" checked={form.bookIds.includes(b.id)} onChange={() => toggle('bookIds', b.id)} /> {b.title}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">Fragment status</legend>
          {STATUSES.map((s) => (
            <label key={s} className="mr-3 inline-flex items-center gap-1">
              <input type="checkbox" checked={form.statuses.includes(s)} onChange={() => toggle('statuses', s)} /> {s}
            </label>
          ))}
        </fieldset>
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1 text-sm font-medium">Filters</legend>
          <label className="flex flex-col gap-1 text-sm text-slate-700">
            Unit
            <select className="rounded border border-slate-300 px-2 py-1 text-sm" value={form.unit} onChange={(e) => set('unit', e.target.value)}>
              {UNITS.map((u) => <option key={u.id} value={u.id}>{u.label}</option>)}
            </select>
          </label>
          <Field label="Min duration (s)" value={form.minDuration} onChange={(v) => set('minDuration', v)} />
          <Field label="Max duration (s)" value={form.maxDuration} onChange={(v) => set('maxDuration', v)} />
          <Field label="Max chars per second" value={form.maxCharsPerSec} onChange={(v) => set('maxCharsPerSec', v)} />
          <Field label="Min confidence" value={form.minConfidence} onChange={(v) => set('minConfidence', v)} />
          <label className="inline-flex items-center gap-1 self-end text-sm text-slate-700">
            <input type="checkbox" checked={form.includeHeadings} onChange={(e) => set('includeHeadings', e.target.checked)} /> Include headings
          </label>
        </fieldset>
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1 text-sm font-medium">Split</legend>
          <Field label="Train %" value={form.train} onChange={(v) => set('train', v)} />
          <Field label="Dev %" value={form.dev} onChange={(v) => set('dev', v)} />
          <Field label="Test %" value={form.test} onChange={(v) => set('test', v)} />
          <label className="flex flex-col gap-1 text-sm text-slate-700">
            Group by
            <select className="rounded border border-slate-300 px-2 py-1 text-sm" value={form.group} onChange={(e) => set('group', e.target.value)}>
              {GROUPS.map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          </label>
          <Field label="Seed" value={form.seed} onChange={(v) => set('seed', v)} step="1" />
        </fieldset>
        <fieldset className="space-y-2 text-sm">
          <legend className="font-medium">Formats</legend>
          <div>
            {FORMATS.map((f) => (
              <label key={f.id} className="mr-3 inline-flex items-center gap-1">
                <input type="checkbox" checked={form.formats.includes(f.id)} onChange={() => toggle('formats', f.id)} /> {f.label}
              </label>
            ))}
          </div>
          <div>
            <label className="mr-3 inline-flex items-center gap-1">
              <input type="checkbox" checked={form.t2t} onChange={(e) => set('t2t', e.target.checked)} /> tensor2tensor shards
            </label>
            <label className="mr-3 inline-flex items-center gap-1">
              <input type="checkbox" checked={form.gzip} onChange={(e) => set('gzip', e.target.checked)} /> GZIP shards
            </label>
          </div>
          <div className="flex gap-3">
            <Field label="Shard size (MB)" value={form.shardMB} onChange={(v) => set('shardMB', v)} />
            <Field label="Padding (ms)" value={form.padMs} onChange={(v) => set('padMs', v)} step="1" />
          </div>
        </fieldset>
      </div>

      <PreviewTable preview={preview} />
      {previewError && <p role="alert" className="text-sm text-red-700">{previewError}</p>}
      {preview && preview.warnings.length > 0 && (
        <ul aria-label="Warnings" className="list-disc rounded border border-amber-300 bg-amber-50 p-3 pl-6 text-sm text-amber-900">
          {preview.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      <ErrorAlert error={error} />
      <Button onClick={start} disabled={busy || !!previewError || !preview || preview.total.examples === 0}>Export</Button>
    </section>
  );
}

function PreviewTable({ preview }: { preview: ExportPreview | null }) {
  if (!preview) return <p className="text-sm text-slate-500">Computing preview…</p>;
  const rows = (['train', 'dev', 'test'] as const).map((s) => ({ split: s, ...preview.splits[s] }));
  const excluded = Object.entries(preview.excluded).filter(([k, v]) => v > 0 && k !== 'status');
  return (
    <div>
      <table aria-label="Preview" className="w-full max-w-xl text-sm">
        <thead className="text-left text-slate-600">
          <tr><th className="py-1">Split</th><th>Examples</th><th>Hours</th><th>Speakers</th><th>Share</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.split} className="border-t border-slate-200">
              <td className="py-1 font-medium">{r.split}</td>
              <td>{r.examples}</td>
              <td>{r.hours.toFixed(3)}</td>
              <td>{r.speakers}</td>
              <td>{r.share.toFixed(1)} % (target {r.target.toFixed(0)} %)</td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 font-medium">
            <td className="py-1">total</td>
            <td>{preview.total.examples}</td>
            <td>{preview.total.hours.toFixed(3)}</td>
            <td>{preview.total.speakers}</td>
            <td>{preview.total.groups} groups</td>
          </tr>
        </tbody>
      </table>
      {excluded.length > 0 && (
        <p className="mt-1 text-xs text-slate-500">Left out: {excluded.map(([k, v]) => `${v} (${k === 'heading' ? 'headings' : k})`).join(', ')}</p>
      )}
    </div>
  );
}
