// The classifier: lists its rules, combines their hits into a verdict (category, risk, capabilities, evidence,
// declared, findings).
import type { Finding } from '../schemas/finding.ts';
import type { Capability, Category, Evidence, Verdict } from '../schemas/verdict.ts';
import { resolveDeclared } from './annotations.ts';
import { capBrowser } from './capabilities/browser.ts';
import { capCodeExecution } from './capabilities/code-execution.ts';
import { capCredentials } from './capabilities/credentials.ts';
import { capDatabase } from './capabilities/database.ts';
import { capFilesystem } from './capabilities/filesystem.ts';
import { capFinancial } from './capabilities/financial.ts';
import { moneyBookkeeping, moneyRecords } from './capabilities/money-records.ts';
import { capInfrastructure } from './capabilities/infrastructure.ts';
import { capMessaging } from './capabilities/messaging.ts';
import { changesAccess, publishes, sendsToPeople, sharesAccess } from './capabilities/sends-to-people.ts';
import { capNetworkEgress } from './capabilities/network-egress.ts';
import { capPersonalData } from './capabilities/personal-data.ts';
import { poisonFindings } from './poison/index.ts';
import { deriveRisk } from './risk.ts';
import { actionEnum } from './rules/action-enum.ts';
import { bulkScope } from './rules/bulk-scope.ts';
import { changeOnlyParam } from './rules/change-only-param.ts';
import { changeSentence } from './rules/change-sentence.ts';
import { codeExecution } from './rules/code-execution.ts';
import { containerImage } from './rules/container-image.ts';
import { descriptionLeadVerb } from './rules/description-lead-verb.ts';
import { dispatcher } from './rules/dispatcher.ts';
import { destructivePhrase } from './rules/destructive-phrase.ts';
import { forceFlag } from './rules/force-flag.ts';
import { httpMethod } from './rules/http-method.ts';
import { nameVerb } from './rules/name-verb.ts';
import { noActionDescribed } from './rules/no-action-described.ts';
import { nounPhraseLead } from './rules/noun-phrase-lead.ts';
import { outputPathParam } from './rules/output-path-param.ts';
import { readOnlyPhrase } from './rules/read-only-phrase.ts';
import { sessionState } from './rules/session-state.ts';
import { sideEffectPhrase } from './rules/side-effect-phrase.ts';
import { extractSignals } from './signals.ts';
import type { ClassifiableTool, Rule } from './types.ts';
import { combine, type RuleHit } from './combine.ts';
import { calibrationKey, lookupCalibration, type CalibrationTable } from './calibration.ts';
import calibrationData from './calibration.json' with { type: 'json' };
import learnedData from './learned.json' with { type: 'json' };
import { learnedFallback, learnedRaise, type LearnedModel } from './learned.ts';

export type { ClassifiableTool } from './types.ts';
export { CAPABILITY_INFO, CATEGORY_INFO, RISK_INFO } from './info.ts';
export { RISK_RULES, deriveRisk, type RiskRule } from './risk.ts';
export { COMBINE_STEPS, combine, type CombineStep } from './combine.ts';
export {
  calibrationKey,
  copyCounts,
  countCalibration,
  fitCalibration,
  fitFromCounts,
  lookupCalibration,
  prefixes,
  type CalibrationCounts,
  type CalibrationTable,
} from './calibration.ts';
export type { Hit, Rule, Role } from './types.ts';
export { FINDING_INFO } from './findings.ts';
export {
  LEARNED_LOWER_THRESHOLD,
  LEARNED_THRESHOLD,
  learnedFallback,
  learnedFeatures,
  learnedPredict,
  learnedRaise,
  trainLearned,
  type LearnedModel,
  type LearnedSample,
} from './learned.ts';
export { CONFIDENCE_BANDS, confidenceWords } from './confidence-words.ts';
export {
  NAME_CHECKS,
  POISON_CHECKS,
  POISON_INFO,
  foldName,
  nameCollisionFindings,
  shadowingFindings,
  surfacePoisonFindings,
  type NamedServer,
  type ServerSurface,
} from './poison/index.ts';
export { ANNOTATION_DEFAULTS, resolveDeclared } from './annotations.ts';

/** The committed learned model (scripts/calibrate-classifier.ts trains it from the catalogue's annotations). */
export const LEARNED: LearnedModel = learnedData as LearnedModel;

/** Every category/capability rule, in evaluation (and evidence) order. */
export const RULES: readonly Rule[] = [
  nameVerb,
  descriptionLeadVerb,
  httpMethod,
  actionEnum,
  readOnlyPhrase,
  noActionDescribed,
  nounPhraseLead,
  sideEffectPhrase,
  changeSentence,
  sessionState,
  changeOnlyParam,
  destructivePhrase,
  codeExecution,
  containerImage,
  dispatcher,
  outputPathParam,
  forceFlag,
  bulkScope,
  learnedRaise(LEARNED),
  learnedFallback(LEARNED),
  capFilesystem,
  capCodeExecution,
  capNetworkEgress,
  capMessaging,
  sendsToPeople,
  publishes,
  sharesAccess,
  changesAccess,
  capFinancial,
  moneyRecords,
  moneyBookkeeping,
  capCredentials,
  capDatabase,
  capInfrastructure,
  capBrowser,
  capPersonalData,
];

/** Codes of evidence the combiner itself adds (not produced by a rule). */
export const COMBINER_CODES = {
  NO_SIGNAL:
    'Nothing in the name, description or schema said what the tool does, and the learned fallback was not sure it reads; treated as a change, with low confidence.',
  DECLARED_NOT_READ_ONLY:
    'The server declares readOnlyHint false and the evidence said read: the hint raises it to write.',
  DECLARED_DESTRUCTIVE:
    'The server explicitly declares destructiveHint true on a write: the hint raises it to destructive.',
  DECLARED_READ_ONLY:
    'Nothing said what the tool does and the server declares it read-only: taken as read, with low confidence.',
  RISK: 'The risk rule (RISK_RULES) that set the risk level.',
} as const;

/** The committed calibration (scripts/calibrate-classifier.ts writes it from the catalogue's annotations). */
export const CALIBRATION: CalibrationTable = calibrationData as CalibrationTable;

function round2(x: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, x)) * 100) / 100;
}

/** What classify accepts besides the tool. */
export interface ClassifyContext {
  /** Keep the server's annotations out of category, risk and confidence (they are still reported). */
  ignoreAnnotations?: boolean;
  /** The rules to run (default RULES). */
  rules?: readonly Rule[];
  /** The calibration that turns how a verdict was reached into a confidence (default CALIBRATION). */
  calibration?: CalibrationTable;
}

/** Classifies one tool. Pure and deterministic; never throws on odd input. */
export function classify(tool: ClassifiableTool, context: ClassifyContext = {}): Verdict {
  return classifyWithKey(tool, context).verdict;
}

/** A loss that is only an overwrite ("overwrite", "overwrites", "overwritten", "overwrite_existing"). */
const OVERWRITE = /^overwrit/i;

/** Every destructive hit is a flag or a phrase that only overwrites (asked only of a tool that acts in bulk). */
function overwriteOnly(hits: readonly RuleHit[]): boolean {
  return hits
    .filter((h) => h.effect === 'destructive')
    .every(
      (h) => (h.code === 'FORCE_FLAG' || h.code === 'DESTRUCTIVE_PHRASE') && h.matched.every((m) => OVERWRITE.test(m)),
    );
}

/** classify, plus the calibration key of the verdict (how it was reached), for evaluation and calibration. */
export function classifyWithKey(
  tool: ClassifiableTool,
  context: ClassifyContext = {},
): { verdict: Verdict; key: string[] } {
  const signals = extractSignals(tool);
  const hits: RuleHit[] = [];
  const evidence: Evidence[] = [];
  for (const rule of context.rules ?? RULES) {
    for (const h of rule.apply(signals)) {
      hits.push({ ...h, code: rule.code, role: h.role ?? rule.role ?? 'verb' });
      evidence.push({ code: rule.code, effect: h.effect, matched: h.matched, source: h.source });
    }
  }

  const combined = combine(hits);
  // A fallback that decided nothing (something else did) is not evidence of the verdict: left out.
  if (combined.decidedBy !== 'FALLBACK')
    for (let i = hits.length - 1; i >= 0; i--) if (hits[i]!.role === 'fallback') evidence.splice(i, 1);
  let base: Category | undefined = combined.category;

  const capabilities = new Set<Capability>();
  for (const e of evidence)
    if (e.effect.startsWith('capability:')) capabilities.add(e.effect.slice('capability:'.length) as Capability);
  const modifiers = [
    ...new Set(
      evidence
        .map((e) => e.effect)
        .filter((e) => !e.startsWith('capability:') && e !== 'read' && e !== 'write' && e !== 'destructive'),
    ),
  ].sort();
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
      evidence.push({
        code: 'DECLARED_NOT_READ_ONLY',
        effect: 'write',
        matched: ['readOnlyHint=false'],
        source: 'annotations',
      });
    }
    if (hint.readOnlyHint === false && hint.destructiveHint === true && category === 'write') {
      category = 'destructive';
      evidence.push({
        code: 'DECLARED_DESTRUCTIVE',
        effect: 'destructive',
        matched: ['destructiveHint=true'],
        source: 'annotations',
      });
    }
    if (hint.readOnlyHint === true && !inferredFromEvidence) {
      category = 'read';
      evidence.push({
        code: 'DECLARED_READ_ONLY',
        effect: 'read',
        matched: ['readOnlyHint=true'],
        source: 'annotations',
      });
    }
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

  // Confidence is the measured rate of verdicts reached the same way agreeing with authors (annotations hidden);
  // a category the annotations decided is measured only at the category level.
  const key = category === base ? calibrationKey(category, combined, modifiers) : [category, 'DECLARED'];
  const confidence = lookupCalibration(context.calibration ?? CALIBRATION, key);
  // A read whose only secret is one it is handed as a parameter reads none: the token or key is the caller's own, sent
  // to authenticate ("token: optional cxzja personal token" on fetch_lyrics, "payment_token" on a paid lookup, a
  // "password" to a Postgres server whose table schema it gets), or an id a service calls a token ("Ad token: the last
  // part of divar.ir/v/<slug>/<token>", "pipeline_token returned from upload_data"), or a count ("token_budget"). A
  // read that does read secrets says so in its name or description ("list_api_keys", "Reveal the stored password").
  const credentialHits = evidence.filter((e) => e.code === capCredentials.code);
  if (category === 'read' && credentialHits.length > 0 && credentialHits.every((e) => e.source === 'inputSchema')) {
    capabilities.delete('credentials');
    for (let i = evidence.length - 1; i >= 0; i--) if (evidence[i]!.code === capCredentials.code) evidence.splice(i, 1);
  }
  const caps = [...capabilities].sort();
  // Bulk makes a destruction critical only when destroying is what the call does, not when the only loss is an
  // overwrite a flag or a phrase adds to a write ("copy recursively, overwrite=true", "submit a batch, on_duplicate:
  // overwrite"): the bulk is the copy's or the upload's. Nor when only the author's destructiveHint makes the call
  // destructive ("Set text alignment for all cells in a table", "Creates a one-time import job … all data"): the hint
  // says a loss may happen, not that destroying is the call's act, so the destruction stays DESTRUCTIVE (high).
  const bulk = modifiers.includes('bulk') && category === base && !overwriteOnly(hits);
  const { risk, rule } = deriveRisk(category, caps, bulk, modifiers);
  evidence.push({ code: 'RISK', effect: `risk:${risk}`, matched: [rule], source: 'combined' });

  const verdict: Verdict = {
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
  return { verdict, key };
}
