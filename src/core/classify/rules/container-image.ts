// CONTAINER_IMAGE: the tool runs or deploys a container image the caller names, which is arbitrary code in a cluster or
// cloud.
import type { Rule } from '../types.ts';
import { codeExecution, RUN_VERBS } from './code-execution.ts';
import { nameVerb } from './name-verb.ts';

/** Name verbs that move, copy, fetch or remove an image rather than run it ("CloneContainerToECR", "push_image", "tag_image"). */
const MOVES_IMAGE: ReadonlySet<string> = new Set([
  'clone',
  'copy',
  'push',
  'pull',
  'tag',
  'mirror',
  'replicate',
  'import',
  'export',
  'scan',
  'sign',
  'save',
  'delete',
  'remove',
  'prune',
  // Fetching or refreshing an image holds its data and runs nothing ("db_refresh: Refresh local vulnerability data: the
  // full database image …").
  'refresh',
  'download',
  'fetch',
  'sync',
]);
/** Name verbs that run or deploy what they are given: CODE_EXECUTION's run verbs, and deploying, creating or building. */
const RUNS_IMAGE_VERBS: ReadonlySet<string> = new Set([
  ...RUN_VERBS,
  'deploy',
  'create',
  'start',
  'launch',
  'update',
  'install',
  'build',
]);
// "a pullable image" is one a registry serves, which is a container's.
const IMAGE_DESCRIPTION =
  /\b(?:container|docker|oci|pullable) images?\b|\bimage (?:to run|to deploy|url of the container)\b/;
/** What runs only when it is invoked later: a serverless function or action, a pipeline, a workflow. */
const INVOKED_LATER: ReadonlySet<string> = new Set([
  'function',
  'functions',
  'action',
  'actions',
  'pipeline',
  'pipelines',
  'workflow',
  'workflows',
]);
/** Name verbs that deploy a Helm chart ("install_helm_chart", "helm_upgrade"). */
const CHART_RUN_VERBS: ReadonlySet<string> = new Set(['install', 'upgrade', 'deploy']);

/**
 * A Helm chart the caller names, in a tool that installs, upgrades or deploys it: a chart is a package of container
 * images and the manifests that run them, so whoever picks it picks the code that runs in the cluster.
 */
function chartParams(s: Parameters<Rule['apply']>[0]): string[] {
  if (!(s.nameWords.includes('helm') || /\bhelm\b/.test(s.description))) return [];
  if (!s.nameWords.some((w) => CHART_RUN_VERBS.has(w))) return [];
  return s.params.filter((p) => p.depth === 0 && p.words.length <= 2 && p.words.at(-1) === 'chart').map((p) => p.name);
}

export const containerImage: Rule = {
  code: 'CONTAINER_IMAGE',
  role: 'evidence',
  summary:
    'A parameter naming the container image to run or deploy (image, imageUrl described as a container/Docker image), or the Helm chart a tool installs or upgrades: whoever picks the image or chart picks the code that runs.',
  apply: (s) => {
    const matched = [
      ...s.params
        .filter(
          (p) =>
            p.depth === 0 && (p.type === 'string' || p.type === '') && p.words.includes('image') && p.words.length <= 3,
        )
        // An undescribed `image` is what the tool's own description says it runs ("deploy_image: Deploy a pullable
        // image …").
        .filter((p) => IMAGE_DESCRIPTION.test(p.description === '' ? s.description : p.description))
        .map((p) => p.name),
      ...chartParams(s),
    ];
    if (matched.length === 0) return [];
    // A tool its name calls a read ("verify_cosign_signature", "inspect_image", "generate_pipeline_yaml") looks at the
    // image or writes it down; it does not run it.
    const named = nameVerb.apply(s);
    if (named.length > 0 && named.every((h) => h.effect === 'read')) return [];
    // Nor one that copies, pushes or removes the image and runs nothing ("Clone a container image to a private ECR
    // repository").
    if (s.nameWords.some((w) => MOVES_IMAGE.has(w)) && !s.nameWords.some((w) => RUNS_IMAGE_VERBS.has(w))) return [];
    // Nor one that keeps the image, with the code it is given, in something that runs only when invoked later (a
    // serverless function or action, a pipeline, a workflow: "Create or update an action in a Functions namespace"), as
    // CODE_EXECUTION's stored scope says. A service or an application created from an image starts it.
    if (
      s.nameWords.some((w) => INVOKED_LATER.has(w)) &&
      codeExecution.apply(s).some((h) => h.effect === 'execution:stored')
    )
      return [];
    return [
      { effect: 'capability:code-execution', matched, source: 'inputSchema', weight: 3 },
      { effect: 'capability:infrastructure', matched, source: 'inputSchema', weight: 3 },
      { effect: 'execution:container', matched, source: 'inputSchema', weight: 3 },
    ];
  },
};
