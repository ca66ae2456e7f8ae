'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiJson } from './api-client.ts';
import { Button } from './ui/button.tsx';

export function NewProjectForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('spa');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const { project } = await apiJson<{ project: { id: string } }>('/api/projects', { body: { name, language } });
          router.push(`/projects/${project.id}`);
        } catch (err) {
          setError((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="flex flex-col text-sm">
        Project name
        <input className="mt-1 w-72 rounded border border-slate-300 px-2 py-1" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="flex flex-col text-sm">
        Language
        <select className="mt-1 rounded border border-slate-300 px-2 py-1" value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="spa">Spanish (spa)</option>
          <option value="eng">English (eng)</option>
        </select>
      </label>
      <Button type="submit" disabled={busy || !name.trim()}>
        Create project
      </Button>
      {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
    </form>
  );
}
