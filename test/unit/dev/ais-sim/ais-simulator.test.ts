// The AIS simulator over loopback HTTP: a demo that runs all day keeps only its latest logins.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  loadRoster,
  SIMULATOR_SESSIONS_KEPT,
  startAisSimulator,
  type AisSimulator,
} from '../../../../dev/ais-sim/ais-simulator';
import { DEMO_AIS_KEY_HEX } from '../../../../dev/demo/demo-profile';
import { createAesGcmCodec, parseAisKey } from '../../../../electron/services/ais/token-codec';
import { systemClock } from '../../../../electron/services/clock';

let sim: AisSimulator;
const roster = loadRoster();

beforeAll(async () => {
  sim = await startAisSimulator({
    codec: createAesGcmCodec(parseAisKey(DEMO_AIS_KEY_HEX)),
    roster,
    clock: systemClock,
  });
});
afterAll(() => sim.close());

async function logIn(): Promise<string> {
  const body = new URLSearchParams({ id: 'z10003', password: roster.password });
  const res = await fetch(new URL('/login', sim.url), { method: 'POST', body, redirect: 'manual' });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const servicesStatus = async (cookie: string) =>
  (await fetch(new URL('/services', sim.url), { headers: { cookie }, redirect: 'manual' })).status;

it(`forgets the oldest login once more than ${SIMULATOR_SESSIONS_KEPT} were made`, async () => {
  const first = await logIn();
  const second = await logIn();
  expect(await servicesStatus(first)).toBe(200);
  for (let i = 0; i < SIMULATOR_SESSIONS_KEPT - 1; i += 1) await logIn();
  // 65 logins: the first is gone (back to the login page), the second is still the oldest kept.
  expect(await servicesStatus(first)).toBe(303);
  expect(await servicesStatus(second)).toBe(200);
});
