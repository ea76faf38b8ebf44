// Lists the poisoning checks and runs them: text checks over every string a tool carries, name checks over its name,
// and the server-wide checks.
import type { Finding } from '../../schemas/finding.ts';
import type { ClassifiableTool } from '../types.ts';
import { activeMarkup } from './active-markup.ts';
import { ansiEscape } from './ansi-escape.ts';
import type { NameCheck, PoisonCheck, PoisonInfo } from './check.ts';
import { exfiltration } from './exfiltration.ts';
import { extremeLength } from './extreme-length.ts';
import { hiddenInstruction } from './hidden-instruction.ts';
import { hiddenMarkup } from './hidden-markup.ts';
import { bidiControl, unicodeTag, zeroWidth } from './invisible.ts';
import { NAME_COLLISION_INFO } from './name-collision.ts';
import { nameInvalid } from './name-grammar.ts';
import { namePath } from './name-path.ts';
import { orderingPressure } from './ordering-pressure.ts';
import { secretPath } from './secret-path.ts';
import { TOOL_SHADOWED_INFO } from './shadowing.ts';
import { templateExpression } from './template-expression.ts';
import { collectTexts, type ScanText } from './texts.ts';
import { toolReference } from './tool-reference.ts';

export { foldName, nameCollisionFindings } from './name-collision.ts';
export { shadowingFindings, type NamedServer } from './shadowing.ts';
export { surfacePoisonFindings, type ServerSurface } from './surface.ts';

/** Every text check, in reporting order (run over tools, instructions, prompts and resources alike). */
export const POISON_CHECKS: readonly PoisonCheck[] = [
  hiddenInstruction,
  exfiltration,
  toolReference,
  orderingPressure,
  secretPath,
  activeMarkup,
  hiddenMarkup,
  templateExpression,
  unicodeTag,
  zeroWidth,
  bidiControl,
  ansiEscape,
  extremeLength,
];

/** Checks of a tool's name alone. */
export const NAME_CHECKS: readonly NameCheck[] = [nameInvalid, namePath];

/** Title, description and top severity of every POISON_ code (text, name, collision and shadowing checks). */
export const POISON_INFO: readonly PoisonInfo[] = [
  ...POISON_CHECKS.map(({ code, severity, title, description }) => ({ code, severity, title, description })),
  ...NAME_CHECKS.map(({ code, severity, title, description }) => ({ code, severity, title, description })),
  NAME_COLLISION_INFO,
  TOOL_SHADOWED_INFO,
];

/** Runs every text check over `texts`; one finding per check that fires. */
export function textFindings(texts: ScanText[], tool?: string): Finding[] {
  const out: Finding[] = [];
  for (const c of POISON_CHECKS) {
    const args = c.check(texts);
    if (args === undefined) continue;
    out.push({
      code: c.code,
      severity: c.grade ? c.grade(args) : c.severity,
      ...(tool !== undefined ? { tool } : {}),
      message: `${c.title}.`,
      args,
    });
  }
  return out;
}

/** Runs all tool checks (texts, then name); one finding per check that fires. */
export function poisonFindings(tool: ClassifiableTool, toolName: string): Finding[] {
  const out = textFindings(collectTexts(tool), toolName);
  if (typeof tool.name === 'string') {
    for (const c of NAME_CHECKS) {
      const hit = c.check(tool.name);
      if (hit)
        out.push({ code: c.code, severity: hit.severity, tool: toolName, message: `${c.title}.`, args: hit.args });
    }
  }
  return out;
}
