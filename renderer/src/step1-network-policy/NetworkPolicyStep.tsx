// Step 1: the Network Usage Policy (校園網路使用規範).
import { ConsentStep } from '../policy-document/ConsentStep';

export function NetworkPolicyStep() {
  return <ConsentStep id="network-usage" step={1} />;
}
