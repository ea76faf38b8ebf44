// POISON_SECRET_PATH: the text asks for files where secrets live (~/.ssh, id_rsa, .env, mcp.json, cloud credential
// files).
import { visible, type PoisonCheck } from './check.ts';

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
  'g',
);

/** Words that turn a mention into a request: read it, send it, include its content. */
const REQUEST =
  /\b(?:read|reads|send|include|pass|upload|attach|cat|contents?|copy|provide|extract|forward|post|share|access|open|load|append|embed|summari[sz]e|print)\b/;

export const secretPath: PoisonCheck = {
  code: 'POISON_SECRET_PATH',
  severity: 'error',
  title: 'Asks for secret files',
  description:
    'The text asks for files where secrets live (~/.ssh, id_rsa, .env, mcp.json, cloud credential files) next to words such as read, send or include. Tool descriptions have no reason to; poisoned ones ask the model to read them and pass them along.',
  check: (texts) => {
    const matches: Array<{ field: string; text: string }> = [];
    for (const t of texts) {
      PATTERN.lastIndex = 0;
      let m: RegExpExecArray | null;
      let tries = 0;
      while ((m = PATTERN.exec(t.lower)) !== null && tries++ < 50) {
        const end = m.index + m[0].length;
        // A public key (id_rsa.pub) is not a secret; a path only named as rejected or forbidden is not a request.
        if (t.lower.startsWith('.pub', end) || /\.pub\b/.test(t.lower.slice(end, end + 12))) continue;
        const around = t.lower.slice(Math.max(0, m.index - 100), end + 60);
        if (!REQUEST.test(around)) continue;
        matches.push({ field: t.field, text: visible(m[0].trim()) });
        break;
      }
      if (matches.length >= 5) break;
    }
    return matches.length > 0 ? { matches } : undefined;
  },
};
