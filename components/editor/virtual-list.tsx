'use client';
// A small windowing list: fixed-height rows, only those in view (plus overscan) are in the DOM, so 600+
// paragraphs scroll as smoothly as 20.
import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';

export type VirtualListHandle = {
  /** Scrolls the least needed to show row `index` entirely. */
  scrollToIndex: (index: number) => void;
  /** Moves the keyboard focus to the list (the editor's shortcuts keep working there). */
  focus: () => void;
};

export function VirtualList({
  count,
  rowHeight,
  renderRow,
  overscan = 6,
  className = '',
  label,
  ref,
}: {
  count: number;
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  overscan?: number;
  className?: string;
  label: string;
  ref?: Ref<VirtualListHandle>;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const ro = new ResizeObserver(() => setHeight(box.clientHeight));
    ro.observe(box);
    setHeight(box.clientHeight);
    return () => ro.disconnect();
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index: number) {
        const box = boxRef.current;
        if (!box) return;
        const top = index * rowHeight;
        if (top < box.scrollTop) box.scrollTop = top;
        else if (top + rowHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + rowHeight - box.clientHeight;
      },
      focus() {
        boxRef.current?.focus({ preventScroll: true });
      },
    }),
    [rowHeight],
  );

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div key={i} style={{ position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={boxRef}
      role="listbox"
      aria-label={label}
      tabIndex={-1}
      className={`relative overflow-y-auto outline-none focus-visible:ring-2 focus-visible:ring-indigo-300 ${className}`}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: count * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
