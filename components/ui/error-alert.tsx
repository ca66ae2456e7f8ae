// The one way a failed load or action shows, on every page that polls or acts through the API.
import { errorText } from '../data-layer/error-text.ts';

export function ErrorAlert({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{errorText(error)}</p>;
}
