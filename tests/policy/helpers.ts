// Test helpers: hand-written verdicts, so generator tests do not depend on the classifier's current rules.
import type { Capability, Category, Risk, Verdict } from '../../src/core/schemas/verdict.ts';

export function verdict(
  name: string,
  category: Category,
  risk: Risk = 'low',
  capabilities: Capability[] = [],
): Verdict {
  return {
    name,
    category,
    risk,
    capabilities,
    confidence: 0.9,
    evidence: [],
    declared: {
      resolved: {
        readOnlyHint: category === 'read',
        destructiveHint: category === 'destructive',
        idempotentHint: false,
        openWorldHint: true,
      },
      category,
    },
    findings: [],
  };
}
