// FINDING_INFO: the title and explanation of every finding code the classifier emits (annotation findings and poisoning indicators).
import { POISON_INFO } from './poison/index.ts';

/** Title and description per finding code. */
export const FINDING_INFO: Record<string, { title: string; description: string }> = {
  ANNOTATION_CONTRADICTED: {
    title: 'Annotations contradict the tool',
    description:
      'The server declares the tool read-only, but its name, description or parameters say it changes things. Either a bug or a lie; the catalogue trusts the evidence, not the hint.',
  },
  ANNOTATION_MISSING: {
    title: 'No behaviour annotations',
    description:
      'The server sends no readOnlyHint/destructiveHint/idempotentHint/openWorldHint for this tool, so clients fall back to the spec defaults (may change and destroy things, talks to the outside world).',
  },
  ANNOTATION_UNDERSTATED: {
    title: 'Annotations understate the danger',
    description:
      'The server declares the tool non-destructive (destructiveHint false), but the evidence says it deletes, overwrites or runs arbitrary code.',
  },
  ...Object.fromEntries(POISON_INFO.map((c) => [c.code, { title: c.title, description: c.description }])),
};
