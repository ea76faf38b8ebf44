// Entry point of the pure attack-database core.
export { matchPatterns, matchReasons } from './match.ts';
export type { MatchableVerdict, MatchReason, SluggedPattern } from './match.ts';
export { checkAttackReferences } from './check.ts';
export type { AttackProblem } from './check.ts';
export { OWASP_INFO, OWASP_SOURCES } from './owasp.ts';
