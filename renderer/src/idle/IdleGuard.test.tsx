// The idle wipe with a fake clock: the question, the countdown, "I'm still here", and the wipe.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, openScreen, renderKiosk, SESSION } from '../testing/render-kiosk';

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: false });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  useKioskStore.getState().sessionEnded();
});

async function onProfile() {
  const fake = fakeApi();
  renderKiosk(fake.api);
  await act(async () => {
    useKioskStore.getState().signedIn(SESSION);
  });
  return fake;
}

const advance = (seconds: number) => act(async () => vi.advanceTimersByTimeAsync(seconds * 1000));

describe('IdleGuard', () => {
  it('asks "還在嗎？" after 90 s and counts down 20 s', async () => {
    await onProfile();
    await advance(89);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await advance(2);
    expect(screen.getByRole('alertdialog').textContent).toContain('還在嗎？');
    expect(screen.getByRole('alertdialog').textContent).toMatch(/1[89] 秒/);
  });

  it('says the warning in both languages (title, sentence and button), with the seconds large on their own', async () => {
    await onProfile();
    await advance(91);
    expect(screen.getByRole('heading', { level: 2, name: '還在嗎？ Are you still there?' })).toBeTruthy();
    expect(document.querySelector('.idle-seconds')?.textContent).toMatch(/^1[89]$/);
    const sentence = document.getElementById('idle-count')!;
    expect(sentence.textContent).toMatch(/1[89] 秒後將清除畫面/);
    expect(sentence.querySelector('[lang="en"]')?.textContent).toMatch(/^To protect your data, .* in 1[89] seconds\.$/);
    expect(screen.getByRole('button', { name: '我還在 / I’m still here' })).toBeTruthy();
  });

  it('watches the helpdesk console too', async () => {
    const { calls } = await onProfile();
    await act(async () => useKioskStore.getState().operatorSignedIn());
    await advance(111);
    expect(calls).toContainEqual(['endSession', { reason: 'idle' }]);
    expect(calls.some(([m]) => m === 'operatorSignOut')).toBe(true);
  });

  it('wipes everything when nobody answers: main session, store, storage, screen', async () => {
    const { calls } = await onProfile();
    window.sessionStorage.setItem('leftover', 'z10003');
    await advance(111);
    expect(calls).toContainEqual(['endSession', { reason: 'idle' }]);
    expect(useKioskStore.getState().session).toBeNull();
    expect(window.sessionStorage.length).toBe(0);
    expect(document.body.textContent).not.toContain('z10003');
    expect(document.body.textContent).not.toContain('林明志');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
  });

  it('keeps the person when they answer "我還在"', async () => {
    const { calls } = await onProfile();
    await advance(95);
    fireEvent.click(screen.getByRole('button', { name: '我還在 / I’m still here' }));
    await advance(30);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some(([m, r]) => m === 'endSession' && (r as { reason: string }).reason === 'idle')).toBe(false);
    expect(screen.getByText('林明志')).toBeTruthy();
  });
});

describe('IdleGuard while Electron’s AIS view is open', () => {
  /** The AIS view was last touched quietMs ago (null: there is no AIS view in this shell). */
  async function signingIn(quietMs: () => number | null) {
    const fake = fakeApi({ signInActivity: async () => ({ ok: true, data: { quietMs: quietMs() } }) });
    renderKiosk(fake.api);
    await act(async () => openScreen({ name: 'signing-in' }));
    return fake;
  }

  it('counts typing in the AIS view as activity: no warning while AIS was touched recently', async () => {
    let lastAisInput = Date.now();
    const { calls } = await signingIn(() => Date.now() - lastAisInput);
    for (let i = 0; i < 6; i += 1) {
      await advance(30);
      lastAisInput = Date.now(); // the person keeps typing in AIS
    }
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some(([m]) => m === 'signInActivity')).toBe(true);
    expect(calls.some(([m]) => m === 'endSession')).toBe(false);
  });

  it('warns above the AIS view (main moves it aside), puts it back on "我還在", and wipes when nobody answers', async () => {
    const { calls } = await signingIn(() => 200_000);
    await advance(92);
    expect(screen.getByRole('alertdialog').textContent).toContain('還在嗎？');
    expect(calls).toContainEqual(['obscureSignIn', { obscured: true }]);
    fireEvent.click(screen.getByRole('button', { name: '我還在 / I’m still here' }));
    await advance(1);
    expect(calls).toContainEqual(['obscureSignIn', { obscured: false }]);
    await advance(115);
    expect(calls).toContainEqual(['endSession', { reason: 'idle' }]);
  });

  it('offers the way back in the header, in both languages, outside the AIS view', async () => {
    const { calls } = await signingIn(() => null);
    const back = screen.getByRole('button', { name: /返回自助服務機/ });
    expect(back.closest('header')?.classList.contains('over-ais')).toBe(true);
    // The header keeps the AIS view's height: no display controls that could wrap it taller.
    expect(screen.queryByRole('button', { name: '大字' })).toBeNull();
    expect(back.textContent).toContain('Back to the kiosk');
    fireEvent.click(back);
    await advance(0);
    expect(calls).toContainEqual(['cancelSignIn', undefined]);
  });
});
