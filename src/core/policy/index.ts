// Public surface of the policy core: generate, describe, test vectors, evaluate, check, the format registry, JSON
// Schema, defaults.
import { z } from 'zod';
import { PolicySchema } from '../schemas/policy.ts';

export {
  generatePolicy,
  counterNames,
  argumentRules,
  type ClassifiableTool,
  type PolicyEntry,
  type GenerateOptions,
} from './generate.ts';
export { describePolicy, type PolicyDescription } from './describe.ts';
export { generateTestVectors, generateTestVectorsReport, type TestVector, type VectorReport } from './vectors.ts';
export { evaluate, createState, windowStart, type Decision, type PolicyCall, type PolicyState } from './evaluate.ts';
export { checkPolicy, type CheckResult, type PolicyError, type CheckOptions } from './check.ts';
export { toIntercept, interceptExport, type InterceptExport } from './formats/intercept.ts';
export {
  POLICY_FORMATS,
  policyFormat,
  formatByFileName,
  renderAll,
  attestedOnly,
  type PolicyFormat,
  type FormatContext,
  type FormatLoss,
  type Rendered,
  type RenderedFile,
} from './formats/index.ts';
export { POLICY_DEFAULTS, PATH_GUARDS, starterRuleFor, type StarterRule, type StarterState } from './defaults.ts';
export { regexProblem } from './regex.ts';

/** JSON Schema (draft 2020-12) of policy.json, generated from the zod schema, for editors. */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PolicySchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Toolgate policy.json (PolicyLayer-compatible)',
    description:
      "A gateway policy for MCP tool calls. Constructs marked INFERRED are modelled on Intercept and not attested for PolicyLayer's hosted format.",
  };
}
