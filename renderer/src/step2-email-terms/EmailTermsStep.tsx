// Step 2: the Terms of Use for Email Accounts (電子郵件信箱使用規範).
import { ConsentStep } from '../policy-document/ConsentStep';

export function EmailTermsStep() {
  return <ConsentStep id="email-terms" step={2} />;
}
