// Steps 1 and 2: accepting sends exactly the text shown; rejecting ends the session.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../shared/contract/api';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, openScreen, renderKiosk, SESSION } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

/** Step 1 as after sign-in, once the policy's text (`shown` is a line of it) is on screen. */
async function openStep1(fake = fakeApi(), shown = 'point one') {
  renderKiosk(fake.api);
  act(() => {
    useKioskStore.getState().signedIn(SESSION);
    openScreen({ name: 'step1' });
  });
  await screen.findByText(shown);
  return fake;
}

/** A fake whose policy, whichever is asked for, is this version of this text. */
const serving = (policy: Pick<ResponseOf<'getPolicy'>, 'title' | 'version' | 'source' | 'markdown'>) =>
  fakeApi({
    getPolicy: async (request) => ({
      ok: true,
      data: {
        id: request!.id,
        language: request!.language,
        approved: '2002-05-23',
        amended: [],
        summary: true,
        hash: 'a'.repeat(64),
        ...policy,
      },
    }),
  });

describe('consent steps', () => {
  it('shows step 1 with the policy, the certification sentence and 不同意 / 同意，繼續', async () => {
    await openStep1();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('校園網路使用規範');
    expect(screen.getByText('本人已詳細閱讀並同意遵守校園網路使用規範。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '不同意' })).toBeTruthy();
  });

  it('names the policy once, says the summary once, and shows the version as a date', async () => {
    await openStep1(
      serving({
        title: '校園網路使用規範（摘要）',
        version: '2002-05-23-summary-1',
        source: 'the center',
        markdown: '# 校園網路使用規範（摘要）\n\n> 本頁是摘要。\n\n## 重點\n\n- point one',
      }),
    );
    // One title, and the document's sections one level below it (axe's heading-order).
    expect(screen.getAllByRole('heading').map((h) => `${h.tagName} ${h.textContent}`)).toEqual([
      'H1 校園網路使用規範',
      'H2 重點',
    ]);
    expect(screen.getAllByText(/摘要。/)).toHaveLength(1);
    // Approved on the day the version carries: the date is said once.
    expect(document.querySelector('.policy-dates')?.textContent).toBe('通過日期：2002-05-23。');
    expect(
      document.querySelector('.sticky-actions')?.contains(screen.getByRole('button', { name: '同意，繼續' })),
    ).toBe(true);
  });

  it('says the version’s date when it differs from the approval or the last amendment', async () => {
    await openStep1(serving({ title: 'T', version: '2018-03-08-summary-1', source: 's', markdown: 'x' }), 'x');
    expect(document.querySelector('.policy-dates')?.textContent).toBe(
      '通過日期：2002-05-23。 版本日期：2018年3月8日。',
    );
  });

  it('accepts with the version, hash and language shown, then moves to step 2', async () => {
    const { calls } = await openStep1();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '同意，繼續' }));
    });
    expect(calls).toContainEqual([
      'acceptPolicy',
      { id: 'network-usage', version: 'v1', hash: 'a'.repeat(64), language: 'zh-TW' },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: '電子郵件信箱使用規範' })).toBeTruthy();
  });

  it('rejecting asks first, then ends the session and explains there is no mailbox without the policies', async () => {
    const { calls } = await openStep1();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '不同意' }));
    });
    // Nothing ends yet: the safe answer is focused, and it keeps the step.
    const dialog = screen.getByRole('alertdialog', { name: '不同意並結束申請嗎？' });
    expect(document.activeElement?.textContent).toBe('回到使用規範');
    await act(async () => void fireEvent.click(within(dialog).getByRole('button', { name: '回到使用規範' })));
    expect(calls.some(([m]) => m === 'endSession')).toBe(false);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('校園網路使用規範');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '不同意' })));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '不同意，結束申請' })));
    expect(calls).toContainEqual(['endSession', { reason: 'reject' }]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('未同意使用規範');
    expect(useKioskStore.getState().session).toBeNull();
  });
});
