// The helpdesk operator at a test backend's console, through the dispatcher as the renderer's calls
// arrive: the demo directory's helpdesk member signs in, and hands the kiosk over to an applicant.
import { expect } from 'vitest';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import type { CallContext } from '../../electron/services/dispatcher';
import { CHANNELS } from '../../shared/contract/channels';
import type { AssistReason } from '../../shared/contract/helpdesk-schemas';
import type { StatusResponse } from '../../shared/contract/schemas';
import type { Backend } from './kiosk-people';

const OPERATOR = FIXTURE.operators.member;
const AT_THE_COUNTER: CallContext = { clientIp: '127.0.0.1', transport: 'http' };

/** Signs the helpdesk member in at this backend's console; a refusal fails the test here. */
export async function signInOperator(backend: Backend, context = AT_THE_COUNTER): Promise<void> {
  expect(
    await backend.dispatcher.dispatch(
      CHANNELS.operatorSignIn,
      { uid: OPERATOR.uid, password: OPERATOR.password },
      context,
    ),
  ).toMatchObject({ ok: true });
}

/** The operator signs in and has the kiosk wait for this applicant's own AIS sign-in; main's answer. */
export async function awaitApplicantThroughAis(
  backend: Backend,
  staffId: string,
  reason: AssistReason = 'cannot-use-kiosk',
) {
  await signInOperator(backend);
  return backend.dispatcher.dispatch(
    CHANNELS.expectAssistedApplication,
    { staffId, reason, password: OPERATOR.password },
    AT_THE_COUNTER,
  );
}

/** Whether the kiosk says it is out of service, as Welcome asks it. */
export async function isOutOfService(backend: Backend): Promise<boolean> {
  const status = await backend.dispatcher.dispatch(CHANNELS.status, {}, AT_THE_COUNTER);
  if (!status.ok) throw new Error(`kiosk:status failed: ${status.code}`);
  return (status.data as StatusResponse).outOfService;
}
