// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_CREDENTIALS: the tool reads, creates or changes secrets, keys, tokens, passwords or environment variables.
import { capabilityRule } from '../capability-rule.ts';

export const capCredentials = capabilityRule({
  code: 'CAP_CREDENTIALS',
  capability: 'credentials',
  summary: 'Secrets: API keys, tokens, passwords, certificates, key vaults, environment variables, logins.',
  nameWords: new Set(['secret', 'secrets', 'token', 'tokens', 'password', 'passwords', 'credential', 'credentials', 'certificate', 'certificates', 'keyvault', 'vault', 'apikey', 'oauth', 'login', 'env', 'keys', 'key', 'passphrase', 'ssh']),
  paramWords: new Set(['password', 'secret', 'token', 'apikey', 'passphrase', 'credential', 'credentials']),
  // Not a secret the call only authenticates with or does without ("Requires an API key", "using your access token",
  // "URLs without embedded credentials").
  description: /(?<!\b(?:requires?|needs?|using|uses|via|without|no|embedded|configured|valid|with)\s(?:an?\s|the\s|your\s|its\s|their\s)?)\b(?:environment variables|api keys?|access tokens?|secrets?|passwords?|credentials|private keys?)\b/,
  // "key events", "key metrics": the adjective, not a secret.
  notBefore: new Set(['events', 'event', 'metrics', 'metric', 'points', 'findings', 'takeaways', 'facts', 'dates', 'terms', 'phrases', 'features', 'insights', 'moments', 'results', 'figures', 'ideas', 'concepts', 'highlights', 'indicators', 'kpis', 'kpi', 'frames', 'frame', 'signature', 'press', 'presses', 'stroke', 'strokes', 'bindings', 'binding', 'combo', 'mapping', 'mappings']),
  // A "token" that pages through results is a cursor, not a secret; one the call authenticates with ("CRM access
  // token", "Bearer token for authorization") is how it is called, not what it reads or changes.
  paramDescriptionExclude: /\b(?:paginat\w*|next page|page token|continuation|cursor|more ?data|more results|next (?:batch|set)|(?:prior|previous) (?:call|response|page)|bearer|for (?:authentication|authori[sz]ation)|to authenticate|(?:crm|api|oauth) access token)\b/,
  // "confirmation_token", "lease_token", "approval_token": a ticket for one step of a flow, not a secret.
  notAfter: new Set(['type', 'send', 'hot', 'shortcut', 'page', 'next', 'continuation', 'cursor', 'press', 'sort', 'partition', 'row', 'primary', 'foreign', 'enhancement', 'max', 'input', 'output', 'prompt', 'idempotency', 'kv', 'resume', 'confirmation', 'confirm', 'lease', 'approval', 'poll', 'sync', 'cancellation']),
});
