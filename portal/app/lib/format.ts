/** Dates and labels as a UK reader expects them (Europe/London), and enum values as words. */

const LONDON = 'Europe/London';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', {
    timeZone: LONDON,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return date.toLocaleDateString('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short', year: 'numeric' });
}

/** `2026-03` → `Mar 2026`. */
export function formatMonth(month: string): string {
  return new Date(`${month}-15T12:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric' });
}

/** `LONELINESS_ISOLATION` → `Loneliness isolation`. */
export function words(value: string): string {
  const lower = value.toLowerCase().replace(/_/g, ' ');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Outcome item keys as people say them. */
const ITEM_LABELS: Record<string, string> = {
  'ONS4.lifeSatisfaction': 'Life satisfaction',
  'ONS4.worthwhile': 'Worthwhile',
  'ONS4.happiness': 'Happiness',
  'ONS4.anxiety': 'Anxiety',
  'ONS_LONELINESS.lonely': 'Loneliness',
  'UCLA3.companionship': 'Lacks companionship',
  'UCLA3.leftOut': 'Left out',
  'UCLA3.isolated': 'Isolated',
};

export function itemLabel(key: string): string {
  return ITEM_LABELS[key] ?? key;
}
