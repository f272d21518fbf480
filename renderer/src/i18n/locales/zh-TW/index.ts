// Traditional Chinese, every string, as the one resource i18next is given; the strings are kept in a
// file per area of the kiosk. In the first script (i18n.ts).
import type { LocaleTree } from '../locale-tree';
import errorsApplicant from './errors-applicant.json';
import errorsStaff from './errors-password-contact-helpdesk.json';
import helpdesk from './helpdesk.json';
import profilePolicies from './profile-policies.json';
import results from './results.json';
import setAccount from './set-account.json';
import start from './start.json';

export default {
  ...start,
  ...profilePolicies,
  ...setAccount,
  ...results,
  ...helpdesk,
  errors: { ...errorsApplicant.errors, ...errorsStaff.errors },
} satisfies LocaleTree;
