// Choosing a Python for a package: parse a Requires-Python specifier and pick an installed minor version it allows.

// Most packages of the MCP era are tested on 3.12 and 3.11; newer and older ones follow.
const PREFERENCE = ['3.12', '3.11', '3.13', '3.10', '3.9', '3.8', '3.14', '3.7', '3.6'];

function parts(version: string): number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Whether Python `minor` (e.g. "3.11", standing for every 3.11.x) satisfies a PEP 440 specifier such as ">=3.10,<3.13". */
export function allows(specifier: string, minor: string): boolean {
  const version = parts(minor);
  for (const clause of specifier
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)) {
    const match = /^(~=|==|!=|<=|>=|<|>)\s*([\d.*]+)/.exec(clause);
    if (!match) continue;
    const [, op, raw] = match;
    const target = parts(raw!.replace(/\.\*$/, ''));
    // Compare on as many parts as the clause names, at most major.minor (a minor stands for all its patches).
    const width = Math.min(2, target.length);
    const mine = version.slice(0, width);
    const theirs = target.slice(0, width);
    const cmp = compare(mine, theirs);
    const patchAbove = target.length > 2 && target.slice(2).some((n) => n > 0);
    switch (op) {
      case '>=':
        if (cmp < 0) return false;
        break;
      case '>':
        if (cmp < 0 || (cmp === 0 && !patchAbove && target.length <= 2)) return false;
        break;
      case '<':
        if (cmp > 0 || (cmp === 0 && !patchAbove)) return false;
        break;
      case '<=':
        if (cmp > 0) return false;
        break;
      case '==':
        if (cmp !== 0) return false;
        break;
      case '!=':
        if (cmp === 0 && raw!.endsWith('.*')) return false;
        break;
      case '~=': {
        if (compare(version, target.slice(0, 2)) < 0) return false;
        const prefix = target.slice(0, Math.max(1, target.length - 1));
        if (compare(version.slice(0, prefix.length), prefix) !== 0) return false;
        break;
      }
    }
  }
  return true;
}

/** The preferred installed minor version a specifier allows (any when there is no specifier). */
export function pickPython(specifier: string | undefined, available: string[]): string | undefined {
  const ordered = [
    ...PREFERENCE.filter((v) => available.includes(v)),
    ...available.filter((v) => !PREFERENCE.includes(v)).sort(),
  ];
  return ordered.find((minor) => !specifier || allows(specifier, minor));
}

/** The Requires-Python constraint an installer's failure names ("… depends on Python>=3.13 …"), if any. */
export function pythonConstraint(output: string): string | undefined {
  const found: string[] = [];
  for (const match of output.matchAll(/depends on Python\s*((?:[<>=!~]=?\s*[\d.*]+\s*,?\s*)+)/g))
    found.push(match[1]!.replace(/\s+/g, '').replace(/,$/, ''));
  for (const match of output.matchAll(/requires[- ]python\s*[:=]?\s*['"]?((?:[<>=!~]=?\s*[\d.*]+\s*,?\s*)+)/gi))
    found.push(match[1]!.replace(/\s+/g, '').replace(/,$/, ''));
  return found.length ? found.join(',') : undefined;
}
