// The classifier: lists its rules, combines their hits into a verdict (category, risk, capabilities, evidence, declared, findings).
import type { Finding } from '../schemas/finding.ts';
import type { Capability, Category, Evidence, Verdict } from '../schemas/verdict.ts';
import { resolveDeclared } from './annotations.ts';
import { capBrowser } from './capabilities/browser.ts';
import { capCodeExecution } from './capabilities/code-execution.ts';
import { capCredentials } from './capabilities/credentials.ts';
import { capDatabase } from './capabilities/database.ts';
import { capFilesystem } from './capabilities/filesystem.ts';
import { capFinancial } from './capabilities/financial.ts';
import { capInfrastructure } from './capabilities/infrastructure.ts';
import { capMessaging } from './capabilities/messaging.ts';
import { capNetworkEgress } from './capabilities/network-egress.ts';
import { capPersonalData } from './capabilities/personal-data.ts';
import { poisonFindings } from './poison/index.ts';
import { deriveRisk } from './risk.ts';
import { actionEnum } from './rules/action-enum.ts';
import { bulkScope } from './rules/bulk-scope.ts';
import { changeOnlyParam } from './rules/change-only-param.ts';
import { codeExecution } from './rules/code-execution.ts';
import { descriptionLeadVerb } from './rules/description-lead-verb.ts';
import { dispatcher } from './rules/dispatcher.ts';
import { destructivePhrase } from './rules/destructive-phrase.ts';
import { ALWAYS_DESTRUCTIVE_FLAGS, forceFlag } from './rules/force-flag.ts';
import { AMBIGUOUS_WEIGHT, nameVerb } from './rules/name-verb.ts';
import { outputPathParam } from './rules/output-path-param.ts';
import { readOnlyPhrase } from './rules/read-only-phrase.ts';
import { sessionState } from './rules/session-state.ts';
import { sideEffectPhrase } from './rules/side-effect-phrase.ts';
import { LOOKUP_VERBS } from './lexicon.ts';
import { extractSignals, splitWords } from './signals.ts';
import type { ClassifiableTool, Hit, Rule } from './types.ts';

export type { ClassifiableTool } from './types.ts';
export { CAPABILITY_INFO, CATEGORY_INFO, RISK_INFO } from './info.ts';
export { RISK_RULES, deriveRisk, type RiskRule } from './risk.ts';
export { FINDING_INFO } from './findings.ts';
export { CONFIDENCE_BANDS, confidenceWords } from './confidence-words.ts';
export { NAME_CHECKS, POISON_CHECKS, POISON_INFO, foldName, nameCollisionFindings, shadowingFindings, surfacePoisonFindings, type NamedServer, type ServerSurface } from './poison/index.ts';
export { ANNOTATION_DEFAULTS, resolveDeclared } from './annotations.ts';

/** Every category/capability rule, in evaluation (and evidence) order. */
export const RULES: readonly Rule[] = [
  nameVerb,
  descriptionLeadVerb,
  actionEnum,
  readOnlyPhrase,
  sideEffectPhrase,
  sessionState,
  changeOnlyParam,
  destructivePhrase,
  codeExecution,
  dispatcher,
  outputPathParam,
  forceFlag,
  bulkScope,
  capFilesystem,
  capCodeExecution,
  capNetworkEgress,
  capMessaging,
  capFinancial,
  capCredentials,
  capDatabase,
  capInfrastructure,
  capBrowser,
  capPersonalData,
];

/** Codes of evidence the combiner itself adds (not produced by a rule). */
export const COMBINER_CODES = {
  NO_SIGNAL: 'Nothing in the name, description or schema said what the tool does; treated as a change, with low confidence.',
  DECLARED_NOT_READ_ONLY: 'The server declares readOnlyHint false and the evidence said read: the hint raises it to write.',
  DECLARED_DESTRUCTIVE: 'The server explicitly declares destructiveHint true on a write: the hint raises it to destructive.',
  DECLARED_READ_ONLY: 'Nothing said what the tool does and the server declares it read-only: taken as read, with low confidence.',
  RISK: 'The risk rule (RISK_RULES) that set the risk level.',
} as const;

const RANK: Record<Category, number> = { read: 0, write: 1, destructive: 2 };
const CONFIDENCE_BY_BASE = { name: 0.75, lead: 0.6, weakName: 0.5, enum: 0.6, phrase: 0.55, none: 0.35 } as const;

function strongest(hits: Hit[]): Category | undefined {
  let best: Category | undefined;
  for (const h of hits) {
    if (h.effect !== 'read' && h.effect !== 'write' && h.effect !== 'destructive') continue;
    if (best === undefined || RANK[h.effect] > RANK[best]) best = h.effect;
  }
  return best;
}

function round2(x: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, x)) * 100) / 100;
}

/** Classifies one tool. Pure and deterministic; never throws on odd input. */
export function classify(tool: ClassifiableTool, context: { ignoreAnnotations?: boolean } = {}): Verdict {
  const signals = extractSignals(tool);
  const byRule = new Map<string, Hit[]>();
  const evidence: Evidence[] = [];
  for (const rule of RULES) {
    const hits = rule.apply(signals);
    if (hits.length === 0) continue;
    byRule.set(rule.code, hits);
    for (const h of hits) evidence.push({ code: rule.code, effect: h.effect, matched: h.matched, source: h.source });
  }
  const hitsOf = (code: string): Hit[] => byRule.get(code) ?? [];

  // Base category: the name first, then the description's opening verb, then an explicit read-only statement.
  // Ambiguous name words ("label", "run") count only when neither a clear name verb nor the description decides.
  const nameClass = strongest(hitsOf(nameVerb.code).filter((h) => h.weight > AMBIGUOUS_WEIGHT));
  const weakNameClass = strongest(hitsOf(nameVerb.code).filter((h) => h.weight === AMBIGUOUS_WEIGHT));
  const leadClass = strongest(hitsOf(descriptionLeadVerb.code));
  const enumClass = strongest(hitsOf(actionEnum.code).filter((h) => h.effect !== 'read'));
  let base: Category | undefined;
  let from: keyof typeof CONFIDENCE_BY_BASE = 'none';
  if (nameClass !== undefined) [base, from] = [nameClass, 'name'];
  else if (leadClass !== undefined) [base, from] = [leadClass, 'lead'];
  else if (weakNameClass !== undefined) [base, from] = [weakNameClass, 'weakName'];
  else if (hitsOf(readOnlyPhrase.code).length > 0) [base, from] = ['read', 'phrase'];
  if (enumClass !== undefined && (base === undefined || RANK[enumClass] > RANK[base])) {
    base = enumClass;
    if (from === 'none') from = 'enum';
  }
  let confidence: number = CONFIDENCE_BY_BASE[from];
  if (from === 'name' && leadClass !== undefined) confidence += leadClass === nameClass ? 0.15 : -0.15;

  // Escalations: evidence of writing files, running code, lasting loss or forced scope.
  const capabilities = new Set<Capability>();
  for (const e of evidence) if (e.effect.startsWith('capability:')) capabilities.add(e.effect.slice('capability:'.length) as Capability);
  if ((base === undefined || base === 'read') && (hitsOf(outputPathParam.code).length > 0 || hitsOf(changeOnlyParam.code).length > 0 || hitsOf(sideEffectPhrase.code).length > 0 || hitsOf(dispatcher.code).length > 0)) base = 'write';
  // Session-scoped calls change session state unless the name itself says lookup: a call named to generate, recommend
  // or identify something inside a session adds it to the session's record. Only the name counts, because descriptions
  // of session actions often open with "Gets…" or "Describe…" for what the call returns.
  // Noun-or-verb name words ("monitor", "check") do not count as saying lookup.
  const lookupSaid = from === 'name' && hitsOf(nameVerb.code).some((h) => h.effect === 'read' && h.weight > AMBIGUOUS_WEIGHT && h.matched.some((m) => LOOKUP_VERBS.has(m)));
  if (base === 'read' && !lookupSaid && hitsOf(sessionState.code).length > 0) base = 'write';
  if (capabilities.has('code-execution')) {
    base = 'destructive';
    confidence = Math.max(confidence, 0.85);
  }
  if (hitsOf(destructivePhrase.code).length > 0 && base !== 'read') base = 'destructive';
  const flags = hitsOf(forceFlag.code).filter((h) => h.effect === 'destructive');
  if (base === 'write' && flags.length > 0) base = 'destructive';
  if (base === 'read' && flags.some((h) => h.matched.some((m) => splitWords(m).some((w) => ALWAYS_DESTRUCTIVE_FLAGS.has(w))))) base = 'destructive';
  const inferredFromEvidence = base !== undefined;
  if (base === undefined) {
    base = 'write';
    evidence.push({ code: 'NO_SIGNAL', effect: 'write', matched: [], source: 'combined' });
  }
  let category: Category = base;

  // Annotations are hints: they may raise caution, never turn an inferred change into a read.
  const declared = resolveDeclared(tool.annotations);
  const hint = declared.explicit;
  if (context.ignoreAnnotations !== true && hint.readOnlyHint !== undefined) {
    if (hint.readOnlyHint === false && category === 'read') {
      category = 'write';
      evidence.push({ code: 'DECLARED_NOT_READ_ONLY', effect: 'write', matched: ['readOnlyHint=false'], source: 'annotations' });
    }
    if (hint.readOnlyHint === false && hint.destructiveHint === true && category === 'write') {
      category = 'destructive';
      evidence.push({ code: 'DECLARED_DESTRUCTIVE', effect: 'destructive', matched: ['destructiveHint=true'], source: 'annotations' });
    }
    if (hint.readOnlyHint === true && !inferredFromEvidence) {
      category = 'read';
      evidence.push({ code: 'DECLARED_READ_ONLY', effect: 'read', matched: ['readOnlyHint=true'], source: 'annotations' });
    }
    confidence += (hint.readOnlyHint === true) === (category === 'read') ? 0.1 : -0.1;
  }

  // The verdict keeps the name exactly as sent (signals only read a capped copy), so consumers can match it back.
  const name = typeof tool.name === 'string' ? tool.name : '';
  const findings: Finding[] = [];
  if (hint.readOnlyHint === true && inferredFromEvidence && base !== 'read') {
    findings.push({
      code: 'ANNOTATION_CONTRADICTED',
      severity: 'error',
      tool: name,
      message: `Declared read-only, but the evidence says ${base}.`,
      args: { declared: 'read', inferred: base },
    });
  }
  if (hint.destructiveHint === false && hint.readOnlyHint !== true && base === 'destructive') {
    findings.push({
      code: 'ANNOTATION_UNDERSTATED',
      severity: 'warning',
      tool: name,
      message: 'Declared non-destructive, but the evidence says destructive.',
      args: { declared: 'write', inferred: 'destructive' },
    });
  }
  if (Object.keys(hint).length === 0) {
    findings.push({
      code: 'ANNOTATION_MISSING',
      severity: 'info',
      tool: name,
      message: 'No behaviour hints declared; clients assume the spec defaults.',
      args: { sent: declared.annotations === undefined ? [] : Object.keys(declared.annotations).sort() },
    });
  }
  findings.push(...poisonFindings(tool, name));

  const caps = [...capabilities].sort();
  const bulk = evidence.some((e) => e.effect === 'bulk');
  const { risk, rule } = deriveRisk(category, caps, bulk);
  evidence.push({ code: 'RISK', effect: `risk:${risk}`, matched: [rule], source: 'combined' });

  return {
    name,
    category,
    risk,
    capabilities: caps,
    confidence: round2(confidence),
    evidence,
    declared: {
      ...(declared.annotations !== undefined ? { annotations: declared.annotations } : {}),
      resolved: declared.resolved,
      category: declared.category,
    },
    findings,
  };
}
