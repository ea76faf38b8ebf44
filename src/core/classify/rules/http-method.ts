// HTTP_METHOD: a description that is, or opens with, the HTTP request the tool makes ("POST /trees/{id}/verify",
// "DELETE /users/{id}") says what the call does by the method's own semantics: GET and HEAD are safe, the rest change.
import type { Category } from '../../schemas/verdict.ts';
import type { Signals } from '../signals.ts';
import type { Hit, Rule } from '../types.ts';

const METHODS: ReadonlyMap<string, Category> = new Map([
  ['get', 'read'],
  ['head', 'read'],
  ['post', 'write'],
  ['put', 'write'],
  ['patch', 'write'],
  ['delete', 'destructive'],
]);
/** A method, a space and a path at the very start of the description. */
/** The tool's description says which methods its `method` parameter takes ("`method` is GET, POST, … DELETE"). */
const METHOD_LIST = /\bmethods?\b[^.]{0,80}\bdelete\b/;
const REQUEST = /^`?(get|head|post|put|patch|delete) (\/[^\s`]{0,200})/;

/** Name verbs of making or editing a stored definition, which a `method` parameter is then a field of. */
export const STORES_A_REQUEST: ReadonlySet<string> = new Set(['create', 'add', 'update', 'define', 'register']);

/**
 * A generic request tool whose `method` parameter may be DELETE (its enum, its description or the tool's says so) can
 * destroy whatever it is pointed at: a raise, whatever its name's verb ("call_api").
 */
function methodParam(s: Signals): Hit[] {
  // Not a call that creates or updates a stored API, endpoint or mock whose method is one of its fields ("create_api":
  // "创建新的 API 接口。支持设置请求方法、URL…", "add_mock_rule"): it saves the method, it makes no request.
  if (s.nameWords.some((w) => STORES_A_REQUEST.has(w))) return [];
  const p = s.params.find((q) => q.depth === 0 && q.words[q.words.length - 1] === 'method' && q.words.length <= 2);
  if (p === undefined) return [];
  const listsDelete =
    p.enumValues.some((v) => v.toLowerCase() === 'delete') ||
    /\bdelete\b/.test(p.description) ||
    METHOD_LIST.test(s.description);
  if (!listsDelete) return [];
  return [
    { effect: 'destructive', matched: [`param:${p.name}=DELETE`], source: 'inputSchema', weight: 2, role: 'raise' },
  ];
}

export const httpMethod: Rule = {
  code: 'HTTP_METHOD',
  role: 'verb',
  summary:
    'The description opens with the HTTP request the tool makes ("POST /trees/{id}/verify"): GET and HEAD read, POST, PUT and PATCH write, DELETE destroys; a `method` parameter that may be DELETE can destroy.',
  apply: (s) => {
    const m = REQUEST.exec(s.description);
    if (m === null) return methodParam(s);
    const cls = METHODS.get(m[1]!)!;
    return [{ effect: cls, matched: [`${m[1]!.toUpperCase()} ${m[2]!}`], source: 'description', weight: 3 }];
  },
};
