/**
 * The completion rate of cohort stats and the compliance summary: completed / (enrolled − exempt), 0..1 rounded to
 * four places; null when nobody is left to complete (exempt enrollments are out of the rate).
 */
export function completionRate(completed: number, enrolled: number, exempt: number): number | null {
  const owed = enrolled - exempt;
  return owed > 0 ? Math.round((completed / owed) * 10_000) / 10_000 : null;
}
