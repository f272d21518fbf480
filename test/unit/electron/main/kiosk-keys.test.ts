// Which keys the kiosk swallows, and which it leaves to the person.
import { describe, expect, it } from 'vitest';
import { isBlockedKey, type KeyInput } from '../../../../electron/main/kiosk-keys';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...mods });

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
  ])('leaves %s alone', (_label, input) => {
    expect(isBlockedKey(input)).toBe(false);
  });
});
