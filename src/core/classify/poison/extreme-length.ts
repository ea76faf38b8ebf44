// POISON_EXTREME_LENGTH: text far longer than any honest description needs, a place to bury instructions and exhaust
// context.
import type { PoisonCheck } from './check.ts';

/** Characters beyond which a description is extreme (the longest real description seen in the corpus is ~40,000). */
export const EXTREME_DESCRIPTION_LENGTH = 65_536;
/** Characters beyond which a name, title or single schema string is extreme. */
export const EXTREME_FIELD_LENGTH = 16_384;
/** Characters beyond which a tool name is extreme. */
export const EXTREME_NAME_LENGTH = 256;

export const extremeLength: PoisonCheck = {
  code: 'POISON_EXTREME_LENGTH',
  severity: 'warning',
  title: 'Extremely long text',
  description:
    'A name, description or schema string is far longer than any honest tool needs. Long text buries instructions where reviewers do not look and eats the model’s context.',
  check: (texts) => {
    const fields: Array<{ field: string; length: number }> = [];
    for (const t of texts) {
      // Server instructions are prose like a description (real ones reach ~20,000 characters), not a single schema
      // string.
      const limit =
        t.field === 'description' || t.field === 'instructions'
          ? EXTREME_DESCRIPTION_LENGTH
          : t.field === 'name'
            ? EXTREME_NAME_LENGTH
            : EXTREME_FIELD_LENGTH;
      if (t.length > limit) fields.push({ field: t.field, length: t.length });
      if (fields.length >= 10) break;
    }
    return fields.length > 0 ? { fields } : undefined;
  },
};
