// Which keys the kiosk swallows, and which it leaves to the person.
import { describe, expect, it } from 'vitest';
import { isBlockedKey, type KeyInput } from '../../../../electron/main/kiosk-keys';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('isBlockedKey', () => {
  it.each([
    ['F5 (reload)', key('F5')],
    ['Ctrl+R (reload)', key('r', { control: true })],
    ['Ctrl+Shift+R (hard reload)', key('R', { control: true, shift: true })],
    ['F12 (devtools)', key('F12')],
    ['Ctrl+Shift+I (devtools)', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J (console)', key('J', { control: true, shift: true })],
    ['Ctrl+Shift+C (inspect)', key('C', { control: true, shift: true })],
    ['Cmd+Option+I (devtools, mac)', key('i', { meta: true, alt: true })],
    ['Ctrl+= (zoom in)', key('=', { control: true })],
    ['Ctrl+- (zoom out)', key('-', { control: true })],
    ['Ctrl+0 (zoom reset)', key('0', { control: true })],
    ['Ctrl+W (close)', key('w', { control: true })],
    ['Ctrl+Q (quit)', key('q', { control: true })],
    ['Alt+F4 (close)', key('F4', { alt: true })],
    ['Ctrl+P (print)', key('p', { control: true })],
    ['Ctrl+U (view source)', key('u', { control: true })],
    ['F11 (leave full screen)', key('F11')],
    ['Ctrl+R on a Russian layout (key к, physical R)', key('к', { code: 'KeyR', control: true })],
    ['Ctrl+W on a Greek layout', key('ς', { code: 'KeyW', control: true })],
    ['Ctrl+P on a Zhuyin layout', key('ㄣ', { code: 'KeyP', control: true })],
    ['Ctrl+= on a layout where = is elsewhere', key('´', { code: 'Equal', control: true })],
    ['BrowserBack', key('BrowserBack')],
    ['BrowserForward', key('BrowserForward')],
    ['BrowserHome', key('BrowserHome')],
    ['Alt+Left (back)', key('ArrowLeft', { alt: true })],
    ['Alt+Right (forward)', key('ArrowRight', { alt: true })],
    ['Alt+Home (home page)', key('Home', { alt: true })],
    ['the context-menu key', key('ContextMenu')],
    ['Shift+F10 (context menu)', key('F10', { shift: true })],
    ['Cmd+[ (back, mac)', key('[', { meta: true })],
    ['a raw key press (Electron reports rawKeyDown too)', { ...key('F5'), type: 'rawKeyDown' }],
  ])('blocks %s', (_label, input) => {
    expect(isBlockedKey(input)).toBe(true);
  });

  it.each([
    ['typing', key('a')],
    ['Shift+letters', key('A', { shift: true })],
    ['Tab', key('Tab')],
    ['Enter', key('Enter')],
    ['Space', key(' ')],
    ['arrows', key('ArrowDown')],
    ['Backspace', key('Backspace')],
    ['Ctrl+C (copy)', key('c', { control: true })],
    ['Ctrl+A (select all in a field)', key('a', { control: true })],
    ['a key release', { ...key('F5'), type: 'keyUp' }],
    ['typing on a Russian layout', key('к', { code: 'KeyR' })],
    ['arrows without Alt (moving in a field)', key('ArrowLeft', { code: 'ArrowLeft' })],
    ['Ctrl+A on a Russian layout', key('ф', { code: 'KeyA', control: true })],
  ])('leaves %s alone', (_label, input) => {
    expect(isBlockedKey(input)).toBe(false);
  });
});
