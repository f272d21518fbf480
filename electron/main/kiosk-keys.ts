// Keys a kiosk must swallow: they would reload, open devtools, zoom, close, print or show source.
// (OS-level keys such as Alt+Tab or Ctrl+Alt+Del need the OS lockdown in docs/deployment.md.)
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const FUNCTION_KEYS = new Set(['F5', 'F11', 'F12', 'BrowserRefresh']);
const WITH_MODIFIER = new Set(['r', 'w', 'q', 'p', 'u', 's', 'o', 'n', 't', '=', '+', '-', '_', '0', 'i', 'j', 'c']);

export function isBlockedKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (FUNCTION_KEYS.has(key)) return true;
  if (input.alt && key === 'F4') return true;
  const command = input.control || input.meta;
  if (!command || !WITH_MODIFIER.has(key)) return false;
  // Ctrl+C alone is copy (harmless); with Shift it is devtools' element picker.
  if (key === 'c' || key === 'i' || key === 'j') return input.shift || key !== 'c';
  return true;
}
