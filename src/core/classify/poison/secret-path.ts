// POISON_SECRET_PATH: the text names places where secrets live (~/.ssh, id_rsa, .env, mcp.json, cloud credential files).
import { patternCheck, type PoisonCheck } from './check.ts';

const PATTERN = new RegExp(
  [
    String.raw`~\/\.ssh\b`,
    String.raw`\.ssh\/`,
    String.raw`\bid_(?:rsa|dsa|ecdsa|ed25519)\b`,
    String.raw`(?:^|[\s"'\x60(\/\\])\.env(?:\.local|\.production)?\b`,
    String.raw`\bmcp\.json\b`,
    String.raw`\bclaude_desktop_config\.json\b`,
    String.raw`\.aws\/credentials\b`,
    String.raw`\.config\/gcloud\b`,
    String.raw`\.azure\/`,
    String.raw`(?:^|[\s"'\x60(\/\\])\.(?:npmrc|netrc|pgpass|git-credentials|pypirc|bash_history|zsh_history)\b`,
    String.raw`\/etc\/(?:passwd|shadow|sudoers)\b`,
    String.raw`\bcredentials\.(?:json|ya?ml|txt)\b`,
    String.raw`\.kube\/config\b`,
    String.raw`\.docker\/config\.json\b`,
    String.raw`\.gnupg\b`,
    String.raw`\bwallet\.dat\b`,
    String.raw`\b(?:private|secret)[_-]?key\.pem\b`,
  ].join('|'),
);

export const secretPath: PoisonCheck = {
  code: 'POISON_SECRET_PATH',
  severity: 'error',
  title: 'Mentions secret file paths',
  description:
    'The text names files where secrets live (~/.ssh, id_rsa, .env, mcp.json, cloud credential files). Tool descriptions have no reason to; poisoned ones ask the model to read and pass them along.',
  check: (texts) => patternCheck(texts, PATTERN),
};
