// A paragraph's review status (Fragment.status): 'auto' as alignment leaves it, then the reviewers'. Pure (no
// database): the export filters, the review use cases and the components all read it from here.
export const FRAGMENT_STATUSES = ['auto', 'edited', 'approved', 'rejected'] as const;
export type FragmentStatus = (typeof FRAGMENT_STATUSES)[number];

/** A reviewer decided: re-alignment keeps their times unless asked, review progress counts them done. */
export const REVIEWED_FRAGMENT_STATUSES = ['approved', 'rejected'] as const satisfies readonly FragmentStatus[];
export type ReviewedFragmentStatus = (typeof REVIEWED_FRAGMENT_STATUSES)[number];

export function isReviewedStatus(status: string): status is ReviewedFragmentStatus {
  return (REVIEWED_FRAGMENT_STATUSES as readonly string[]).includes(status);
}

/** Approved or rejected. */
export function isReviewed(fragment: { status: string }): boolean {
  return isReviewedStatus(fragment.status);
}
