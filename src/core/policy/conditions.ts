// Condition semantics, exactly as Intercept's engine applies them (missing path ⇒ false except for exists).
import type { Condition } from '../schemas/policy.ts';
import { compileRegex } from './regex.ts';
import { getOwn, goFormat, hasOwn, isPlainObject } from './util.ts';

/** Walks "args.a.b" through nested objects; absent when any segment is missing or not an object. */
export function resolveArg(args: unknown, path: string): { present: boolean; value: unknown } {
  if (!path.startsWith('args.')) return { present: false, value: undefined };
  let cur: unknown = args;
  for (const part of path.slice(5).split('.')) {
    if (!isPlainObject(cur) || !hasOwn(cur, part)) return { present: false, value: undefined };
    cur = getOwn(cur, part);
  }
  return { present: true, value: cur };
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function goEq(a: unknown, b: unknown): boolean {
  const x = num(a);
  const y = num(b);
  if (x !== null && y !== null) return x === y;
  return goFormat(a) === goFormat(b);
}

/** Whether one condition holds for the given arguments. */
export function conditionHolds(cond: Condition, args: unknown): boolean {
  const { present, value } = resolveArg(args, cond.path);
  if (cond.op === 'exists') return (present && value !== null) === cond.value;
  if (!present) return false;
  switch (cond.op) {
    case 'eq':
      return goEq(value, cond.value);
    case 'neq':
      return !goEq(value, cond.value);
    case 'in':
      return Array.isArray(cond.value) && cond.value.some((v) => goEq(value, v));
    case 'not_in':
      return !(Array.isArray(cond.value) && cond.value.some((v) => goEq(value, v)));
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const a = num(value);
      const b = num(cond.value);
      if (a === null || b === null) return false;
      return cond.op === 'lt' ? a < b : cond.op === 'lte' ? a <= b : cond.op === 'gt' ? a > b : a >= b;
    }
    case 'regex': {
      if (typeof value !== 'string' || typeof cond.value !== 'string') return false;
      const re = compileRegex(cond.value);
      return re !== null && re.test(value);
    }
    case 'contains':
      if (typeof value === 'string') return typeof cond.value === 'string' && value.includes(cond.value);
      if (Array.isArray(value)) return value.some((v) => goEq(v, cond.value));
      return false;
  }
  return false;
}
