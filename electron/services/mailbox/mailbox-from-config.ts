// Picks the mailbox provisioner the configuration names.
import type { MailboxSettings } from './mailbox-settings';
import { campusMailboxProvisioning, noMailboxProvisioning, type MailboxProvisioner } from './mailbox-provisioner';

export function mailboxProvisionerFor(mailbox: MailboxSettings): MailboxProvisioner {
  if (mailbox.mode === 'none' || !mailbox.campus) return noMailboxProvisioning;
  return campusMailboxProvisioning({ ...mailbox.campus, realm: mailbox.realm, quota: mailbox.quota });
}
