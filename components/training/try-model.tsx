'use client';
// "Try it": a finished run's checkpoint is downloaded and run IN THE BROWSER with TensorFlow.js (same CtcEncoder,
// log-mel and greedy decoding as the server). Audio comes from the microphone (MediaRecorder) or a file, decoded
// by Web Audio and resampled to 16 kHz mono here. tfjs is loaded only when a model is.
import { useEffect, useRef, useState } from 'react';
import { isDone } from '@/lib/jobs/job-status.ts';
import type { LoadedModel } from '@/lib/training-runs/model-from-checkpoint.ts';
import type { TrainingRunView } from '@/lib/training-runs/training-run-view.ts';
import { downmix, resample } from '@/lib/training-runs/resample-audio.ts';
import { apiJson } from '../api-client.ts';
import { Button } from '../ui/button.tsx';

type Loaded = LoadedModel & { runId: string; backend: string };
type Result = { text: string; seconds: number; audioSec: number; source: string };

async function loadModel(runId: string): Promise<Loaded> {
  const [tf, { modelFromCheckpoint }] = await Promise.all([import('@tensorflow/tfjs'), import('@/lib/training-runs/model-from-checkpoint.ts')]);
  await tf.ready();
  const res = await fetch(`/api/runs/${runId}/checkpoint/manifest.json`);
  if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? `Loading the checkpoint failed (${res.status}).`);
  const manifest = await res.json();
  const step = res.headers.get('x-checkpoint-step');
  const w = await fetch(`/api/runs/${runId}/checkpoint/weights.bin${step ? `?step=${step}` : ''}`);
  if (!w.ok) throw new Error(`Loading the weights failed (${w.status}).`);
  return { ...modelFromCheckpoint(manifest, await w.arrayBuffer()), runId, backend: tf.getBackend() };
}

async function decodeTo16k(data: ArrayBuffer): Promise<Float32Array> {
  const ctx = new AudioContext();
  try {
    const buf = await ctx.decodeAudioData(data);
    return resample(downmix(Array.from({ length: buf.numberOfChannels }, (_, c) => buf.getChannelData(c))), buf.sampleRate, 16_000);
  } finally {
    void ctx.close();
  }
}

/** Shortest clip worth transcribing: the model's log-mel frames are 10 ms; under 0.1 s there is no word. */
const MIN_CLIP_SEC = 0.1;

/** The clip as 16 kHz mono samples, or an error that says what is wrong with it and what to do. */
async function clipSamples(data: ArrayBuffer, source: string): Promise<Float32Array> {
  const what = source === 'microphone' ? 'The recording' : source;
  const retry = source === 'microphone' ? 'Record again, speaking for a few seconds.' : 'Choose another clip (WAV, MP3, OGG, FLAC or M4A).';
  if (data.byteLength === 0) throw new Error(`${what} is empty (0 bytes): there is nothing to transcribe. ${retry}`);
  let samples: Float32Array;
  try {
    samples = await decodeTo16k(data);
  } catch {
    throw new Error(`${what} could not be decoded as audio: this browser does not read its format, or the file is damaged or not audio. ${retry}`);
  }
  if (samples.length < MIN_CLIP_SEC * 16_000) {
    throw new Error(`${what} holds no audio (${(samples.length / 16_000).toFixed(2)} s): there is nothing to transcribe. ${retry}`);
  }
  return samples;
}

export function TryModel({ initialRunId }: { initialRunId?: string }) {
  const [runs, setRuns] = useState<TrainingRunView[] | null>(null);
  const [runId, setRunId] = useState(initialRunId ?? '');
  const [model, setModel] = useState<Loaded | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const modelRef = useRef<Loaded | null>(null);

  useEffect(() => {
    apiJson<{ runs: TrainingRunView[] }>('/api/runs').then(
      (r) => {
        const finished = r.runs.filter((x) => isDone(x) && x.hasCheckpoint);
        setRuns(finished);
        setRunId((cur) => (cur && finished.some((x) => x.id === cur) ? cur : finished[0]?.id ?? ''));
      },
      (e) => setError((e as Error).message),
    );
    return () => modelRef.current?.model.dispose();
  }, []);

  const ensureModel = async (): Promise<Loaded> => {
    if (model && model.runId === runId) return model;
    setStatus('Loading the model…');
    model?.model.dispose();
    const m = await loadModel(runId);
    modelRef.current = m;
    setModel(m);
    return m;
  };

  const transcribe = async (data: ArrayBuffer, source: string) => {
    setError(null);
    setResult(null);
    try {
      // the clip first: an empty or undecodable one is explained before any model is downloaded
      const samples = await clipSamples(data, source);
      const m = await ensureModel();
      setStatus('Transcribing…');
      const { transcribeSamples } = await import('@/lib/training-runs/transcribe-samples.ts');
      const t0 = performance.now();
      const text = await transcribeSamples(m.model, m.vocab, samples);
      setResult({ text, seconds: (performance.now() - t0) / 1000, audioSec: samples.length / 16_000, source });
      setStatus(null);
    } catch (e) {
      setStatus(null);
      setError((e as Error).message);
    }
  };

  const record = async () => {
    setError(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const r = new MediaRecorder(stream);
      r.ondataavailable = (e) => chunks.push(e.data);
      r.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        setRecording(false);
        void new Blob(chunks, { type: r.mimeType }).arrayBuffer().then((b) => transcribe(b, 'microphone'));
      };
      recorder.current = r;
      r.start();
      setRecording(true);
    } catch (e) {
      setError(`The microphone is not available: ${(e as Error).message}. Upload a clip instead.`);
    }
  };

  if (runs === null) return <p className="text-slate-600">Loading runs…</p>;
  if (runs.length === 0) return <p className="text-slate-600">No finished training run yet: train a model on an export first.</p>;
  return (
    <div className="space-y-4">
      <label className="flex max-w-md flex-col text-sm text-slate-700">Model (finished run)
        <select className="rounded border border-slate-300 px-2 py-1" value={runId} onChange={(e) => setRunId(e.target.value)}>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>{r.id} · {r.settings.model} · step {r.step}{r.testCer !== null ? ` · test CER ${(r.testCer * 100).toFixed(0)} %` : ''}</option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-3">
        {recording ? (
          <Button variant="danger" onClick={() => recorder.current?.stop()}>Stop recording</Button>
        ) : (
          <Button onClick={record} disabled={!runId || status !== null}>Record from microphone</Button>
        )}
        <label className="text-sm text-slate-700">Or upload a clip{' '}
          <input type="file" accept="audio/*" aria-label="Audio clip" disabled={status !== null}
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void f.arrayBuffer().then((b) => transcribe(b, f.name)); e.target.value = ''; }} />
        </label>
      </div>
      {status && <p role="status" className="text-sm text-slate-600">{status}</p>}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {result && (
        <div className="space-y-1 rounded border border-slate-200 bg-white p-4">
          <p className="text-xs uppercase tracking-wide text-slate-500">The model heard ({result.source})</p>
          <p className="text-lg" data-testid="transcript">{result.text || '(nothing)'}</p>
          <p className="text-xs text-slate-500">{result.audioSec.toFixed(2)} s of audio in {result.seconds.toFixed(2)} s · in this browser on tfjs {model?.backend} · checkpoint step {model?.step}</p>
        </div>
      )}
    </div>
  );
}
