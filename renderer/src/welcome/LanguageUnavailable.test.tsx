// The English chunk cannot be fetched (a broken build or a full disk): the screen stays in Chinese,
// the switch does not claim English, and no promise is left rejected. Its own file, since the mock
// of the English strings holds for every test in a file.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, renderKiosk } from '../testing/render-kiosk';

vi.mock('../i18n/locales/en/index', () => {
  throw new Error('the English chunk did not load');
});

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

describe('a language whose strings do not load', () => {
  it('leaves the screen and the switch in the language shown', async () => {
    renderKiosk(fakeApi().api);
    const toggle = screen.getByRole('button', { name: '切換為英文介面' });
    await act(async () => {
      fireEvent.click(toggle);
    });
    await vi.waitFor(() => expect(useKioskStore.getState().language).toBe('zh-TW'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
    expect(screen.getByRole('button', { name: '切換為英文介面' }).textContent).toBe('English');
    expect(document.documentElement.lang).toBe('zh-Hant-TW');
  });
});
