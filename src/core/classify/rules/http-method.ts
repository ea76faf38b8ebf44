// HTTP_METHOD: a description that is, or opens with, the HTTP request the tool makes ("POST /trees/{id}/verify",
// "DELETE /users/{id}") says what the call does by the method's own semantics: GET and HEAD are safe, the rest change.
import type { Category } from '../../schemas/verdict.ts';
import type { Rule } from '../types.ts';

const METHODS: ReadonlyMap<string, Category> = new Map([
  ['get', 'read'],
  ['head', 'read'],
  ['post', 'write'],
  ['put', 'write'],
  ['patch', 'write'],
  ['delete', 'destructive'],
]);
/** A method, a space and a path at the very start of the description. */
const REQUEST = /^`?(get|head|post|put|patch|delete) (\/[^\s`]{0,200})/;

export const httpMethod: Rule = {
  code: 'HTTP_METHOD',
  role: 'verb',
  summary:
    'The description opens with the HTTP request the tool makes ("POST /trees/{id}/verify"): GET and HEAD read, POST, PUT and PATCH write, DELETE destroys.',
  apply: (s) => {
    const m = REQUEST.exec(s.description);
    if (m === null) return [];
    const cls = METHODS.get(m[1]!)!;
    return [{ effect: cls, matched: [`${m[1]!.toUpperCase()} ${m[2]!}`], source: 'description', weight: 3 }];
  },
};
