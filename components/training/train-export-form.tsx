'use client';
// "Train on this export": steps, backend and model size, then off to the run's page.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { TrainingRunView } from '@/lib/training-runs/training-run-view.ts';
import { apiJson } from '../api-client.ts';
import { Button } from '../ui/button.tsx';

const BACKENDS = ['auto', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;

export function TrainExportForm({ exportId }: { exportId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [steps, setSteps] = useState('2000');
  const [backend, setBackend] = useState<string>('auto');
  const [model, setModel] = useState('base');
  const [batchSize, setBatchSize] = useState('16');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!open) return <Button variant="secondary" onClick={() => setOpen(true)}>Train on this export</Button>;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { run } = await apiJson<{ run: TrainingRunView }>(`/api/exports/${exportId}/train`, { body: { steps: Number(steps), backend, model, batchSize: Number(batchSize) } });
      router.push(`/runs/${run.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  const field = 'rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <form aria-label="Train on this export" className="flex flex-wrap items-end gap-3 rounded border border-indigo-200 bg-indigo-50 p-3" onSubmit={(e) => { e.preventDefault(); void start(); }}>
      <label className="flex flex-col text-xs text-slate-600">Steps<input className={field} type="number" min={1} value={steps} onChange={(e) => setSteps(e.target.value)} /></label>
      <label className="flex flex-col text-xs text-slate-600">Backend
        <select className={field} value={backend} onChange={(e) => setBackend(e.target.value)}>{BACKENDS.map((b) => <option key={b} value={b}>{b}</option>)}</select>
      </label>
      <label className="flex flex-col text-xs text-slate-600">Model
        <select className={field} value={model} onChange={(e) => setModel(e.target.value)}>
          <option value="tiny">tiny (smoke test)</option><option value="small">small</option><option value="base">base</option>
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600">Batch<input className={field} type="number" min={1} value={batchSize} onChange={(e) => setBatchSize(e.target.value)} /></label>
      <button type="submit" disabled={busy} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:bg-indigo-300">Start training</button>
      <Button variant="ghost" onClick={() => setOpen(false)}>Close</Button>
      {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
    </form>
  );
}
