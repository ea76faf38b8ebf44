// One lookup of title and help text for every code an audit can report: the findings catalogue, then the risk rules.
import { RISK_RULES } from '../core/classify/index.ts';
import { findingInfo as catalogued } from '../core/findings/index.ts';

/** Title, explanation and fix for any code: audit, classifier (annotations, poisoning), scanner, or a risk rule id. */
export function findingInfo(code: string): { title: string; description: string; fix?: string } {
  const info = catalogued(code);
  if (info) return { title: info.title, description: info.explanation, ...(info.fix ? { fix: info.fix } : {}) };
  const rule = RISK_RULES.find((candidate) => candidate.id === code);
  if (rule) return { title: rule.id, description: rule.when };
  return { title: code, description: code };
}
