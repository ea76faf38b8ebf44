// CONTAINER_IMAGE: the tool runs or deploys a container image the caller names, which is arbitrary code in a cluster or
// cloud.
import type { Rule } from '../types.ts';
import { RUN_VERBS } from './code-execution.ts';
import { nameVerb } from './name-verb.ts';

/** Name verbs that move, copy or remove an image rather than run it ("CloneContainerToECR", "push_image", "tag_image"). */
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
const IMAGE_DESCRIPTION = /\b(?:container|docker|oci) images?\b|\bimage (?:to run|to deploy|url of the container)\b/;

export const containerImage: Rule = {
  code: 'CONTAINER_IMAGE',
  role: 'evidence',
  summary:
    'A parameter naming the container image to run or deploy (image, imageUrl described as a container/Docker image): whoever picks the image picks the code that runs.',
  apply: (s) => {
    const matched = s.params
      .filter(
        (p) =>
          p.depth === 0 && (p.type === 'string' || p.type === '') && p.words.includes('image') && p.words.length <= 3,
      )
      .filter((p) => IMAGE_DESCRIPTION.test(p.description))
      .map((p) => p.name);
    if (matched.length === 0) return [];
    // A tool its name calls a read ("verify_cosign_signature", "inspect_image", "generate_pipeline_yaml") looks at the
    // image or writes it down; it does not run it.
    const named = nameVerb.apply(s);
    if (named.length > 0 && named.every((h) => h.effect === 'read')) return [];
    // Nor one that copies, pushes or removes the image and runs nothing ("Clone a container image to a private ECR
    // repository").
    if (s.nameWords.some((w) => MOVES_IMAGE.has(w)) && !s.nameWords.some((w) => RUNS_IMAGE_VERBS.has(w))) return [];
    return [
      { effect: 'capability:code-execution', matched, source: 'inputSchema', weight: 3 },
      { effect: 'capability:infrastructure', matched, source: 'inputSchema', weight: 3 },
      { effect: 'execution:container', matched, source: 'inputSchema', weight: 3 },
    ];
  },
};
