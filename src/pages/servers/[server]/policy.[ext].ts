// The whole-server starter policy as static files, one per registered format (policy.json, policy.intercept.yaml, …).
import type { APIRoute } from 'astro';
import { POLICY_FORMATS } from '../../../core/policy/index.ts';
import { getCatalog } from '../../../site/content.ts';
import type { ServerView } from '../../../site/catalog.ts';
import { policyFile, serverPolicy } from '../../../site/policies.ts';

export function getStaticPaths() {
  return getCatalog().servers.flatMap((server) =>
    POLICY_FORMATS.map((format) => ({ params: { server: server.id, ext: format.fileName.slice('policy.'.length) }, props: { server, fileName: format.fileName } })),
  );
}

export const GET: APIRoute = ({ props }) => {
  const { server, fileName } = props as { server: ServerView; fileName: string };
  const file = policyFile(serverPolicy(server), fileName);
  return new Response(file.text, { headers: { 'content-type': `${file.format.mediaType}; charset=utf-8` } });
};
