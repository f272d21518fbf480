// One date and time format per language, on every screen: 24-hour time, the date as the language
// writes it (2026/12/7 in Chinese, 7 Dec 2026 in English).
const LOCALE = (language: string) => (language === 'en' ? 'en-GB' : 'zh-TW');

export function clockTime(at: number | string, language: string): string {
  return new Date(at).toLocaleTimeString(LOCALE(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

export function dateOnly(at: number | string, language: string): string {
  return new Date(at).toLocaleDateString(LOCALE(language), {
    year: 'numeric',
    month: language === 'en' ? 'short' : 'numeric',
    day: 'numeric',
  });
}

export function dateAndTime(at: number | string, language: string): string {
  return new Date(at).toLocaleString(LOCALE(language), {
    year: 'numeric',
    month: language === 'en' ? 'short' : 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}
