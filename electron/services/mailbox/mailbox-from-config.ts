// Picks the mailbox provisioner the configuration names.
import type { KioskConfig } from '../config';
import { campusMailboxProvisioning, noMailboxProvisioning, type MailboxProvisioner } from './mailbox-provisioner';

export function mailboxProvisionerFor(mailbox: KioskConfig['mailbox']): MailboxProvisioner {
  if (mailbox.mode === 'none' || !mailbox.campus) return noMailboxProvisioning;
  return campusMailboxProvisioning({ ...mailbox.campus, realm: mailbox.realm, quota: mailbox.quota });
}
