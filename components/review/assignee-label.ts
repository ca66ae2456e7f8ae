// How a chapter's assignee reads on the review page (the admin's select and the reviewers' text alike): the
// address, after the name when the name says more than the address already does.
export function assigneeLabel(user: { email: string; name: string | null }): string {
  const name = user.name?.trim();
  return name && name !== user.email.split('@')[0] ? `${name} (${user.email})` : user.email;
}
