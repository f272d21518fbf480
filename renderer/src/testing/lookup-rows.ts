// The demo directory's hmwang as the helpdesk lookup answers for him. The renderer's fake API
// returns this row and the integration test expects it from main on a real slapd, so the console's
// tests draw what main really sends.
import type { LookupResponse } from '../../../shared/contract/helpdesk-schemas';

export const HMWANG_LOOKUP_ROW: LookupResponse['results'][number] = {
  account: 'hmwang',
  staffId: 'z10001',
  name: '王小明',
  state: 'active',
  stage: 'complete',
  created: '2017-07-14T02:40:00.000Z',
  contact: 'none',
};
