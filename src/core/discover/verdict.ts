// Turns the last start attempt of a candidate (scan result, its output) into a permanent outcome code, detail and
// message.
import type { OutcomeCode } from '../schemas/outcome.ts';

/** The facts about one attempt that decide its outcome. */
export interface AttemptFacts {
  /** OK or the scanner's failure code (TIMEOUT, PROCESS_EXITED, SPAWN_FAILED, INITIALIZE_FAILED, ...). */
  result: string;
  /** The scanner's failure message. */
  message: string;
  /** stderr and non-protocol stdout of the attempt. */
  output: string;
  /** Whether the process had exited by the end of the attempt. */
  exited: boolean;
  /** Its exit code, when it exited. */
  exitCode?: number | null;
}

export interface Verdict {
  code: OutcomeCode;
  detail: string;
  message: string;
}

const CREDENTIAL = [
  /api[_ -]?key|access[_ -]?token|auth(?:entication)?[_ -]?token|bearer|secret|password|credential|unauthori[sz]ed|\b401\b|\b403\b|forbidden|invalid token|not authenticated|login required|please (?:set|provide)|must be set|is required|are required|is not set|not set|missing (?:required )?(?:env|environment)|environment variable/i,
];
const SERVICE = [
  /getaddrinfo|connection refused|could not connect|failed to connect|cannot connect|unable to connect|connect(?:ion)? (?:error|failed|timed out)|name or service not known|temporary failure in name resolution|network is unreachable|max retries exceeded|fetch failed|NameResolutionError|ConnectError|socket hang up|no such host/i,
  /\b(?:postgres|mysql|mariadb|mongodb|redis|elasticsearch|opensearch|neo4j|qdrant|chroma|milvus|weaviate|rabbitmq|kafka|docker daemon|kubeconfig|ollama)\b/i,
];
// Error codes are matched case-sensitively: "ModuleNotFoundError" must not read as ENOTFOUND.
/** A line saying the server started an HTTP listener (so it will not answer on stdio as it is). */
export const LISTENS_ON_HTTP =
  /(?:listening|running) on (?!stdio|standard)|https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0)|uvicorn running|server started on port/i;
const NETWORK_CODES = /\b(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/;
const USAGE =
  /^\s*usage:|\busage: |commands:\n|options:\n|\bunknown (?:command|option|argument)|\bunrecognized arguments?|error: (?:missing|required)|missing required argument|the following arguments are required|Missing (?:option|argument)|--help\b/im;
const IMPORT =
  /ModuleNotFoundError|ImportError|Cannot find module|ERR_MODULE_NOT_FOUND|ERR_REQUIRE_ESM|ERR_PACKAGE_PATH_NOT_EXPORTED|cannot find package|No module named|undefined symbol|GLIBC_|SyntaxError|was compiled against a different Node\.js version|NODE_MODULE_VERSION|is not a function|AttributeError|TypeError|ReferenceError|NameError|Error: Could not locate the bindings file/;

/** Scanner bound codes: the server sent too much, too deep, too many tools, or messages that are not JSON-RPC. */
const BOUNDS = new Set(['LIMIT_EXCEEDED', 'OVERSIZE', 'TOO_DEEP', 'TOO_MANY_TOOLS', 'MESSAGE_REJECTED']);

function lastLines(text: string, count: number): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join('\n');
}

const NOISE_LINE =
  /^(?:at\s|File "|Node\.js v\d|\^+$|throw err;|[-=*~^|│╰╭─ ]+$|\}$|\{$|Traceback \(most recent call last\))/;
const TELLING =
  /error|fatal|required|missing|must|invalid|denied|not found|failed|exception|refused|unauthori|forbidden|cannot|could not|unable|not set|no such|usage/i;

/** The line of the output that says most about why it stopped: the last telling line that is not a stack frame. */
export function keyLine(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((line) =>
      line
        .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
        .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
        .trim(),
    )
    .filter((line) => line && !NOISE_LINE.test(line));
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 60; i--)
    if (TELLING.test(lines[i]!)) return lines[i]!.slice(0, 300);
  return lines.at(-1)?.slice(0, 300);
}

/** The outcome of a candidate whose last attempt ended as `facts`. */
export function verdictFor(facts: AttemptFacts, tools?: number): Verdict {
  if (facts.result === 'OK')
    return { code: 'OK', detail: 'TOOLS_LISTED', message: `Started and listed ${tools ?? 0} tools.` };
  const key = keyLine(facts.output) ?? '';
  const tail = `${key}\n${lastLines(facts.output, 12)}`;
  if (facts.result === 'TIMEOUT') {
    if (LISTENS_ON_HTTP.test(tail)) {
      return {
        code: 'TIMEOUT',
        detail: 'LISTENS_ON_HTTP',
        message:
          'It started an HTTP server instead of answering on stdio, and gave no stdio answer before the deadline.',
      };
    }
    // Still running, but it said why it would not answer: that is the outcome, not the wait.
    if (NETWORK_CODES.test(key) || SERVICE[0]!.test(key))
      return {
        code: 'NEEDS_SERVICE',
        detail: 'NETWORK_OR_SERVICE',
        message:
          'It kept running but could not reach a service or the network it needs (the scan runs offline), and never answered.',
      };
    if (IMPORT.test(key))
      return {
        code: 'CRASHED',
        detail: 'IMPORT_ERROR',
        message: 'Its server part crashed on start with a code or dependency error while a wrapper kept running.',
      };
    if (CREDENTIAL[0]!.test(key))
      return {
        code: 'NEEDS_CREDENTIALS',
        detail: 'MISSING_CONFIGURATION',
        message:
          'It kept running but asked for credentials or configuration that fake values did not satisfy, and never answered.',
      };
    if (facts.exited)
      return { code: 'TIMEOUT', detail: 'NO_ANSWER', message: 'It gave no complete answer before the deadline.' };
    return {
      code: 'TIMEOUT',
      detail: 'NO_ANSWER',
      message: 'It kept running but did not answer initialize and tools/list before the deadline.',
    };
  }
  if (BOUNDS.has(facts.result))
    return {
      code: 'PROTOCOL_ERROR',
      detail: facts.result,
      message: `It sent more than the scanner accepts: ${facts.message.slice(0, 300)}`,
    };
  if (facts.result === 'PREPARE_FAILED' || facts.result === 'INTERNAL_ERROR')
    return { code: 'CRASHED', detail: facts.result, message: facts.message.slice(0, 300) };
  if (!facts.exited && (facts.result === 'INITIALIZE_FAILED' || facts.result === 'TOOLS_LIST_FAILED')) {
    return {
      code: 'PROTOCOL_ERROR',
      detail: facts.result,
      message: `It stayed up but ${facts.result === 'INITIALIZE_FAILED' ? 'initialize' : 'tools/list'} failed: ${facts.message.slice(0, 300)}`,
    };
  }
  if (facts.result === 'SPAWN_FAILED')
    return {
      code: 'CRASHED',
      detail: 'SPAWN_FAILED',
      message: `Its entry point could not be started: ${facts.message.slice(0, 300)}`,
    };
  // It exited. Why, judged from its most telling line first, then from its last words.
  for (const text of [key, tail]) {
    if (NETWORK_CODES.test(text) || SERVICE[0]!.test(text))
      return {
        code: 'NEEDS_SERVICE',
        detail: 'NETWORK_OR_SERVICE',
        message:
          'It exited because it could not reach a service or the network at start (the scan runs offline, with no databases).',
      };
    if (IMPORT.test(text))
      return {
        code: 'CRASHED',
        detail: 'IMPORT_ERROR',
        message: 'It crashed on start with a code or dependency error (missing module, syntax or type error).',
      };
    if (CREDENTIAL[0]!.test(text))
      return {
        code: 'NEEDS_CREDENTIALS',
        detail: 'MISSING_CONFIGURATION',
        message: 'It exited asking for credentials or configuration that fake values did not satisfy.',
      };
  }
  if (NETWORK_CODES.test(tail) || SERVICE[0]!.test(tail))
    return {
      code: 'NEEDS_SERVICE',
      detail: 'NETWORK_OR_SERVICE',
      message:
        'It exited because it could not reach a service or the network at start (the scan runs offline, with no databases).',
    };
  if (IMPORT.test(tail))
    return {
      code: 'CRASHED',
      detail: 'IMPORT_ERROR',
      message: 'It crashed on start with a code or dependency error (missing module, syntax or type error).',
    };
  if (CREDENTIAL[0]!.test(tail))
    return {
      code: 'NEEDS_CREDENTIALS',
      detail: 'MISSING_CONFIGURATION',
      message: 'It exited asking for credentials or configuration that fake values did not satisfy.',
    };
  if (SERVICE[1]!.test(tail))
    return {
      code: 'NEEDS_SERVICE',
      detail: 'DATABASE_OR_DAEMON',
      message: 'It exited because a database or daemon it needs is not running.',
    };
  if (USAGE.test(tail))
    return {
      code: 'NOT_A_SERVER',
      detail: 'USAGE_EXIT',
      message:
        'It printed usage or help and exited: a command-line tool, or a server that needs arguments we could not learn.',
    };
  if (facts.exitCode === 0 || /exited \(code 0\)/.test(facts.message)) {
    return {
      code: 'NOT_A_SERVER',
      detail: 'EXITED_CLEANLY',
      message: 'It exited successfully without speaking MCP on stdio.',
    };
  }
  return { code: 'CRASHED', detail: 'EXITED', message: `It exited before answering: ${facts.message.slice(0, 200)}` };
}
