'use client';
// A long cell text clamped to a few lines, with a button that shows it whole (and hides it again), so that one long
// paragraph or a model's run-on transcript does not stretch its table row over the page. The button appears only
// when the text overflows its clamp (measured, so it follows the column's width).
import { useLayoutEffect, useRef, useState } from 'react';

export function ExpandableText({ text, label, className = '' }: { text: string; label: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setOverflows(el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, open]);
  return (
    <div className={className}>
      <p ref={ref} className={`whitespace-pre-line [overflow-wrap:anywhere] ${open ? '' : 'line-clamp-4'}`}>{text}</p>
      {(overflows || open) && (
        <button type="button" aria-expanded={open} aria-label={`${open ? 'Show less of' : 'Show all of'} ${label}`} className="text-xs text-indigo-700 hover:underline" onClick={() => setOpen(!open)}>
          {open ? 'Show less' : 'Show all'}
        </button>
      )}
    </div>
  );
}
