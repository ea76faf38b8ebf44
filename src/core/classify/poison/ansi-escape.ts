// POISON_ANSI_ESCAPE: terminal escape sequences that can hide, recolour or rewrite text shown in a console.
import { visible, type PoisonCheck } from './check.ts';

const ANSI = /\u001b[[\]PX^_@-Z\\]|\u009b|\u009d/;

export const ansiEscape: PoisonCheck = {
  code: 'POISON_ANSI_ESCAPE',
  severity: 'error',
  title: 'Terminal escape sequences',
  description:
    'The text contains ANSI escape sequences (ESC [ …). In a terminal they can hide text, move the cursor or overwrite lines, so a reviewer sees something other than what the model reads.',
  check: (texts) => {
    const fields: string[] = [];
    let sample = '';
    for (const t of texts) {
      if (!t.special) continue;
      const m = ANSI.exec(t.text);
      if (!m) continue;
      fields.push(t.field);
      if (sample === '') sample = visible(t.text.slice(m.index, m.index + 24), 60);
      if (fields.length >= 10) break;
    }
    return fields.length > 0 ? { fields, sample } : undefined;
  },
};
