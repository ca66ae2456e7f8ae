'use client';
// One boundary of the proposed split chosen by paragraph: "Starts at paragraph" / "Ends at paragraph" on the book page.

/** A labelled <select> of the ebook's paragraphs (shown 1-based with their text) that `allowed` lets through. */
export function SplitParagraphSelect(props: {
  /** The visible label before the select. */
  label: string;
  /** The select's accessible name. */
  ariaLabel: string;
  paragraphTexts: string[];
  /** Whether paragraph `idx` (0-based) can be picked. */
  allowed: (idx: number) => boolean;
  value: number;
  disabled: boolean;
  onChange: (idx: number) => void;
}) {
  return (
    <label className="mt-2 flex items-center gap-2">
      {props.label}
      <select
        aria-label={props.ariaLabel}
        className="max-w-xl rounded border border-slate-300 px-1 py-0.5"
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Number(e.target.value))}
      >
        {props.paragraphTexts.map((t, idx) => (props.allowed(idx) ? <option key={idx} value={idx}>{idx + 1}: {t}</option> : null))}
      </select>
    </label>
  );
}
