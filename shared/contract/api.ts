// The KioskApi type: everything the renderer can ask main for, derived from the contract.
import type { z } from 'zod';
import type { ApiMethod } from './channels';
import type { ResultCode } from './codes';
import type { Contract } from './schemas';

export type Ok<T> = { ok: true; data: T };
export type Failure = {
  ok: false;
  code: ResultCode;
  /** The account concerned (an existing one for USER(-1), one left behind for ACCOUNT_INCOMPLETE). */
  account?: string;
  /** The directory's own words when its password policy refused. */
  reason?: string;
  /** When trying again makes sense (APPLICATION_IN_PROGRESS). */
  retryAfterSeconds?: number;
  /** Wrong tries still allowed (CONTACT_CODE_WRONG). */
  triesLeft?: number;
};
export type Result<T> = Ok<T> | Failure;

export type RequestOf<M extends ApiMethod> = z.input<Contract[M]['request']>;
export type ResponseOf<M extends ApiMethod> = z.output<Contract[M]['response']>;

export type KioskApi = {
  [M in ApiMethod]: (request?: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
};
