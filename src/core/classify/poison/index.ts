// Lists the poisoning checks and runs them over a tool's texts; each check is one file and one finding code.
import type { Finding } from '../../schemas/finding.ts';
import type { ClassifiableTool } from '../types.ts';
import { ansiEscape } from './ansi-escape.ts';
import type { PoisonCheck } from './check.ts';
import { extremeLength } from './extreme-length.ts';
import { hiddenInstruction } from './hidden-instruction.ts';
import { bidiControl, unicodeTag, zeroWidth } from './invisible.ts';
import { secretPath } from './secret-path.ts';
import { collectTexts } from './texts.ts';
import { toolReference } from './tool-reference.ts';

/** Every poisoning check, in reporting order. */
export const POISON_CHECKS: readonly PoisonCheck[] = [
  hiddenInstruction,
  toolReference,
  secretPath,
  unicodeTag,
  zeroWidth,
  bidiControl,
  ansiEscape,
  extremeLength,
];

/** Runs all checks; one finding per check that fires. */
export function poisonFindings(tool: ClassifiableTool, toolName: string): Finding[] {
  const texts = collectTexts(tool);
  const out: Finding[] = [];
  for (const c of POISON_CHECKS) {
    const args = c.check(texts);
    if (args === undefined) continue;
    out.push({ code: c.code, severity: c.severity, tool: toolName, message: `${c.title}.`, args });
  }
  return out;
}
