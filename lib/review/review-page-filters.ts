// The review pages' filters from their URL (?status=auto&status=edited&min=20&max=60&flagged=1&page=2):
// lenient (a bad value is dropped, not an error), confidences in percent as the reviewer types them.
import { FRAGMENT_STATUSES, type FragmentStatus } from './fragment-view.ts';

export const REVIEW_PAGE_SIZE = 50;

export type ReviewPageFilters = { status: FragmentStatus[]; min: number | null; max: number | null; flagged: boolean; page: number };

function pct(v: string | undefined): number | null {
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? Math.max(0, Math.min(100, n)) : null;
}

export function parseReviewPageFilters(q: Record<string, string | string[] | undefined>): ReviewPageFilters {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(','));
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const status = list(q.status).filter((s): s is FragmentStatus => (FRAGMENT_STATUSES as readonly string[]).includes(s));
  const page = Math.max(1, Math.floor(Number(one(q.page)) || 1));
  return { status: status.length ? status : ['auto', 'edited'], min: pct(one(q.min)), max: pct(one(q.max)), flagged: one(q.flagged) === '1', page };
}

/** The reviewQueue input for these filters. */
export function reviewQueueFilters(f: ReviewPageFilters) {
  return {
    status: f.status,
    ...(f.min !== null ? { minConfidence: f.min / 100 } : {}),
    ...(f.max !== null ? { maxConfidence: f.max / 100 } : {}),
    ...(f.flagged ? { flaggedOnly: true } : {}),
    limit: REVIEW_PAGE_SIZE,
    offset: (f.page - 1) * REVIEW_PAGE_SIZE,
  };
}

/** The page's URL with these filters (and another page). */
export function reviewPageHref(base: string, f: ReviewPageFilters, page: number): string {
  const q = new URLSearchParams();
  for (const s of f.status) q.append('status', s);
  if (f.min !== null) q.set('min', String(f.min));
  if (f.max !== null) q.set('max', String(f.max));
  if (f.flagged) q.set('flagged', '1');
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}
