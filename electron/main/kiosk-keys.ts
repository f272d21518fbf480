// Keys a kiosk must swallow, in every view it shows (its own page and AIS's): they would reload,
// open devtools, zoom, close, print, show source, go back or forward in history, or open a
// context menu. (OS-level keys such as Alt+Tab or Ctrl+Alt+Del need the OS lockdown in
// docs/deployment.md.)
export interface KeyInput {
  type: string;
  key: string;
  /** The physical key (KeyboardEvent.code). Absent only in old test inputs; Electron always sends it. */
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const ALWAYS = new Set([
  'F5',
  'F11',
  'F12',
  'BrowserRefresh',
  'BrowserBack',
  'BrowserForward',
  'BrowserHome',
  'BrowserSearch',
  'ContextMenu',
  'Print',
]);
const WITH_COMMAND = new Set([
  'r',
  'w',
  'q',
  'p',
  'u',
  's',
  'o',
  'n',
  't',
  '=',
  '+',
  '-',
  '_',
  '0',
  'i',
  'j',
  'c',
  '[',
  ']',
]);
const WITH_ALT = new Set(['F4', 'ArrowLeft', 'ArrowRight', 'Home']);

/**
 * The character a physical key makes on a US layout. With another layout Ctrl+R may arrive as
 * key "к" (Russian) or "ㄐ" (Zhuyin); Chromium still reloads on the physical key, so the code decides too.
 */
function usLayoutKey(code: string | undefined): string | null {
  if (!code) return null;
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!.toLowerCase();
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code);
  if (digit) return digit[1]!;
  const named: Record<string, string> = {
    Equal: '=',
    Minus: '-',
    NumpadAdd: '+',
    NumpadSubtract: '-',
    BracketLeft: '[',
    BracketRight: ']',
  };
  return named[code] ?? code;
}

const normalised = (key: string) => (key.length === 1 ? key.toLowerCase() : key);

function blockedAs(key: string, input: KeyInput): boolean {
  if (ALWAYS.has(key)) return true;
  // Shift+F10 opens the context menu like the menu key.
  if (key === 'F10' && input.shift) return true;
  if (input.alt && WITH_ALT.has(key)) return true;
  const command = input.control || input.meta;
  if (!command || !WITH_COMMAND.has(key)) return false;
  // Ctrl+C alone is copy (harmless); with Shift it is devtools' element picker.
  if (key === 'c') return input.shift;
  return true;
}

/** True for a key press the kiosk must swallow, judged by both the key and the physical key. */
export function isBlockedKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const physical = usLayoutKey(input.code);
  return blockedAs(normalised(input.key), input) || (physical !== null && blockedAs(physical, input));
}
