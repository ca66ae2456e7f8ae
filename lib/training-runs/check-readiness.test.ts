import { describe, expect, it } from 'vitest';
import { DEMO_CHAPTERS } from '../demo/demo-book.ts';
import { normaliseSpanish } from '../text/normalise-spanish.ts';
import { checkReadiness, MAX_CHECK_DEV_CER } from './check-readiness.ts';
import { fragmentCer } from './model-mismatch-flag.ts';

describe('checkReadiness: may a run judge alignments?', () => {
  it('accepts a run whose dev CER is at most 50 % and below the flag threshold', () => {
    expect(checkReadiness({ id: 'run_a', devCer: 0.2 }, 0.5)).toEqual({ ok: true });
    expect(checkReadiness({ id: 'run_a', devCer: 0.5 }, 0.6)).toEqual({ ok: true });
  });

  it('refuses a run above 50 %, naming the run, its dev CER and the limit', () => {
    const r = checkReadiness({ id: 'run_weak', devCer: 0.79 }, 0.5);
    expect(r).toMatchObject({ ok: false, reason: 'too-weak' });
    expect(!r.ok && r.message).toMatch(/run_weak has a dev CER of 79\.0 %, above the 50\.0 % a check needs/);
    // however high the threshold: such a model's right paragraphs already score like unrelated text
    expect(checkReadiness({ id: 'run_weak', devCer: 0.51 }, 5)).toMatchObject({ ok: false, reason: 'too-weak' });
  });

  it('refuses a run with no dev CER, and a threshold at or below the run\'s dev CER', () => {
    expect(checkReadiness({ id: 'run_x', devCer: null }, 0.5)).toMatchObject({ ok: false, reason: 'no-dev-cer' });
    expect(checkReadiness({ id: 'run_x', devCer: Number.NaN }, 0.5)).toMatchObject({ ok: false, reason: 'no-dev-cer' });
    const r = checkReadiness({ id: 'run_x', devCer: 0.3 }, 0.3);
    expect(r).toMatchObject({ ok: false, reason: 'threshold-at-or-below-dev-cer' });
    expect(!r.ok && r.message).toMatch(/30\.0 % is not above run run_x's dev CER of 30\.0 %/);
  });

  it('has its limit below the CER of unrelated Spanish text, which a wrong alignment scores', () => {
    // What a wrong alignment looks like to the check: the paragraph against other words (every other paragraph of
    // the demo book, and the paragraph heard half shifted into the next). A right one scores about the dev CER.
    const ps = DEMO_CHAPTERS.flatMap((c) => c.paragraphs).map(normaliseSpanish);
    const others = ps.flatMap((p, i) => ps.filter((_, j) => j !== i).map((q) => fragmentCer(p, q)));
    const shifted = ps.slice(0, -1).map((p, i) => fragmentCer(p, `${p.slice(p.length / 2)} ${ps[i + 1]!.slice(0, ps[i + 1]!.length / 2)}`));
    const wrong = [...others, ...shifted].sort((a, b) => a - b);
    expect(wrong[0]).toBeGreaterThan(0.65);
    expect(wrong[Math.floor(wrong.length / 2)]).toBeGreaterThan(0.75);
    // a model as weak as the limit still leaves a gap of ≥ 0.15 to the closest wrong alignment
    expect(wrong[0]! - MAX_CHECK_DEV_CER).toBeGreaterThanOrEqual(0.15);
    // the degenerate transcript of the 79 % run is as far from every paragraph as unrelated text
    for (const p of ps) expect(fragmentCer(p, 'aaasa s sasas')).toBeGreaterThan(0.8);
  });
});
