// Drives the AIS simulator the way a person would: log in, then choose the service link.
import type { Page } from '@playwright/test';
import { loadRoster } from '../../../../dev/ais-sim/ais-simulator';

export const ROSTER = loadRoster();

export type SimulatedLink = 'normal' | 'expired' | 'other-network';

const LINK_NAME: Record<SimulatedLink, RegExp> = {
  normal: /^網路系統組線上服務 Division of Network Systems$/,
  expired: /Expired link/,
  'other-network': /Another network/,
};

/** From the kiosk's Welcome screen: starts sign-in, logs in at AIS as `id`, follows the chosen link. */
export async function signInThroughAis(
  page: Page,
  id: string,
  link: SimulatedLink = 'normal',
  start = '申請教職員電子郵件帳號',
) {
  await page.getByRole('button', { name: start }).click();
  await logInAtAis(page, id, link);
}

/** On AIS's login page (the kiosk's own page, or a second window): logs in as `id` and follows the chosen link. */
export async function logInAtAis(page: Page, id: string, link: SimulatedLink = 'normal') {
  await page.getByLabel(/Account/).fill(id);
  await page.getByLabel(/Password/).fill(ROSTER.password);
  await page.getByRole('button', { name: /Log in/ }).click();
  await page.getByRole('link', { name: LINK_NAME[link] }).click();
}
