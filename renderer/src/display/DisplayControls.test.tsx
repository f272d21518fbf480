// Larger text and high contrast: on every screen, pressed state announced, and gone with the session.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, openScreen, renderKiosk, SESSION } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

describe('display controls', () => {
  it('sets larger text and high contrast on the page, and says which are on', async () => {
    renderKiosk(fakeApi().api);
    const large = screen.getByRole('button', { name: '大字' });
    const contrast = screen.getByRole('button', { name: '高對比' });
    expect(large.getAttribute('aria-pressed')).toBe('false');
    await act(async () => void fireEvent.click(large));
    await act(async () => void fireEvent.click(contrast));
    expect(large.getAttribute('aria-pressed')).toBe('true');
    expect(contrast.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.dataset.textSize).toBe('large');
    expect(document.documentElement.dataset.contrast).toBe('high');
  });

  it('is on every screen, and resets when the session ends', async () => {
    const { api } = fakeApi();
    renderKiosk(api);
    act(() => {
      useKioskStore.getState().signedIn(SESSION);
      openScreen({ name: 'step3' });
    });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '大字' })));
    expect(document.documentElement.dataset.textSize).toBe('large');
    await act(async () => void useKioskStore.getState().sessionEnded());
    expect(document.documentElement.dataset.textSize).toBe('normal');
    expect(screen.getByRole('button', { name: '大字' }).getAttribute('aria-pressed')).toBe('false');
  });
});
