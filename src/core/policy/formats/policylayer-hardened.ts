// PolicyLayer policy.json with argument checks (require, deny_if conditions) in a syntax inferred from PolicyLayer's
// docs and Intercept.
import type { PolicyFormat } from './types.ts';

export const policylayerHardened: PolicyFormat = {
  id: 'policylayer-hardened',
  label: "PolicyLayer, hardened: adds argument checks in a syntax inferred from PolicyLayer's docs",
  fileName: 'policy.hardened.json',
  mediaType: 'application/json',
  howToUse:
    "Paste into the Raw JSON editor of your server's policy in the PolicyLayer dashboard and check that it accepts the argument checks before attaching it to a grant.",
  cannotExpress: ['Human approval: a tool that needs it is denied with the message "Requires human approval."'],
  render(policy) {
    return { text: `${JSON.stringify(policy, null, 2)}\n`, losses: [] };
  },
};
