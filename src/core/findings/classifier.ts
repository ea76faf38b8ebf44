// Every finding code the classifier puts into a verdict: annotation findings and the tool-poisoning indicators (one per
// check).
import { POISON_INFO } from '../classify/poison/index.ts';
import type { FindingInfo } from './types.ts';

export const CLASSIFIER_FINDINGS: readonly FindingInfo[] = [
  {
    code: 'ANNOTATION_CONTRADICTED',
    title: 'Annotations contradict the tool',
    explanation:
      'The server declares the tool read-only, but its name, description or parameters say it changes things. Either a bug or a lie; the catalogue trusts the evidence, not the hint.',
    fix: 'Declare readOnlyHint: false (and destructiveHint: true if it deletes or overwrites).',
  },
  {
    code: 'ANNOTATION_MISSING',
    title: 'No behaviour annotations',
    explanation:
      'The server sends no readOnlyHint/destructiveHint/idempotentHint/openWorldHint for this tool, so clients fall back to the spec defaults (may change and destroy things, talks to the outside world).',
    fix: 'Send the four annotations for every tool.',
  },
  {
    code: 'ANNOTATION_UNDERSTATED',
    title: 'Annotations understate the danger',
    explanation:
      'The server declares the tool non-destructive (destructiveHint false), but the evidence says it deletes, overwrites or runs arbitrary code.',
    fix: 'Declare destructiveHint: true.',
  },
  ...POISON_INFO.map((c) => ({
    code: c.code,
    title: c.title,
    explanation: c.description,
    fix: 'Keep tool metadata to a plain description of what the tool does; nothing addressed to the model, no hidden or control characters.',
  })),
].map((f) => ({ ...f, source: 'classifier' as const }));
