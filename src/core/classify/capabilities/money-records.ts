// biome-ignore-all format: its word lists read best packed, several items a line
// MONEY_RECORDS: the tool's object is someone's own money records (invoices, billing, payments, transactions, balances,
// what is owed), as against public money data (a stock quote, a gold price, an exchange rate, a product's price). The
// risk rule READS_MONEY_RECORDS asks for it beside the financial capability: reading a company's receivables or a
// user's transactions reads private data; reading a ticker's quote does not.
import type { Rule } from '../types.ts';

/** Name words whose thing is a party's own money record ("get_invoice", "list_transactions", "account-balance"). */
const RECORD_NAME_WORDS: ReadonlySet<string> = new Set([
  'invoice', 'invoices', 'billing', 'payment', 'payments', 'payout', 'payouts', 'refund', 'refunds', 'transaction',
  'transactions', 'receivable', 'receivables', 'payable', 'payables', 'balance', 'balances', 'ledger', 'expense',
  'expenses', 'charge', 'charges', 'statement', 'statements',
]);
/**
 * Words after a record word that make it a public or general thing: a listed company's "balance sheet", a shop's
 * "refund policy", "payment methods" a service accepts, an aircraft's "weight and balance" ("balance" then "calculator").
 */
const NOT_BEFORE: ReadonlySet<string> = new Set(['sheet', 'sheets', 'policy', 'policies', 'methods', 'calculator', 'rules', 'terms']);
/** Words before one that make it no party's record: a database "transaction", "weight_and_balance", "load balance". */
const NOT_AFTER: ReadonlySet<string> = new Set(['and', 'load', 'begin', 'start', 'commit', 'rollback', 'database', 'db', 'sql']);
/** Phrases of what a party owns or owes: "Accounts Receivable Aging", "your account balance", "transaction history". */
const RECORD_PHRASE = /\b(?:accounts? (?:receivable|payable)|receivables|payables|(?:account|bank|card|wallet) balances?|(?:transaction|billing|payment|purchase|order) history|purchase orders?|outstanding invoices?|who owes)\b/;

export const moneyRecords: Rule = {
  code: 'MONEY_RECORDS',
  role: 'evidence',
  summary:
    "The tool's object is a party's own money records: a name word such as invoice, billing, payment, transaction, balance or receivable, or a phrase such as accounts receivable, account balance or transaction history.",
  apply: (s) => {
    const words = s.nameWords;
    const inName = words.filter(
      (w, i) => RECORD_NAME_WORDS.has(w) && !NOT_BEFORE.has(words[i + 1] ?? '') && !NOT_AFTER.has(words[i - 1] ?? ''),
    );
    if (inName.length > 0) return [{ effect: 'money-records', matched: [...new Set(inName)], source: 'name', weight: 2 }];
    const m = RECORD_PHRASE.exec(s.description);
    return m === null ? [] : [{ effect: 'money-records', matched: [m[0]], source: 'description', weight: 2 }];
  },
};
