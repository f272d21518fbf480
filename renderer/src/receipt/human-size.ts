// Sizes as people read them: the mail store counts in KB (1024 bytes); 62914560 KB is "60 GB".
const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

export function humanSize(kilobytes: number): string {
  let value = kilobytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${UNITS[unit]}`;
}
