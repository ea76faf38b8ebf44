// biome-ignore-all format: its word lists read best packed, several items a line
// MONEY_RECORDS: the tool's object is someone's own money records (invoices, billing, payments, transactions, balances,
// what is owed), as against public money data (a stock quote, a gold price, an exchange rate, a product's price). The
// risk rule READS_MONEY_RECORDS asks for it beside the financial capability: reading a company's receivables or a
// user's transactions reads private data; reading a ticker's quote does not.
import type { Rule } from '../types.ts';
import { FINANCIAL_CONTEXT_NAME_WORDS, FINANCIAL_DESCRIPTION, FINANCIAL_NAME_WORDS } from './financial.ts';

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

/** The name's words found in `listed`, each not right after a word of NOT_AFTER nor before one of `notBefore`. */
function nameWordsIn(words: readonly string[], listed: ReadonlySet<string>, notBefore: ReadonlySet<string>): string[] {
  const found = words.filter(
    (w, i) => listed.has(w) && !notBefore.has(words[i + 1] ?? '') && !NOT_AFTER.has(words[i - 1] ?? ''),
  );
  return [...new Set(found)];
}

export const moneyRecords: Rule = {
  code: 'MONEY_RECORDS',
  role: 'evidence',
  summary:
    "The tool's object is a party's own money records: a name word such as invoice, billing, payment, transaction, balance or receivable, or a phrase such as accounts receivable, account balance or transaction history.",
  apply: (s) => {
    const inName = nameWordsIn(s.nameWords, RECORD_NAME_WORDS, NOT_BEFORE);
    if (inName.length > 0) return [{ effect: 'money-records', matched: inName, source: 'name', weight: 2 }];
    const m = RECORD_PHRASE.exec(s.description);
    return m === null ? [] : [{ effect: 'money-records', matched: [m[0]], source: 'description', weight: 2 }];
  },
};

// MONEY_BOOKKEEPING: a change to a money record kept for bookkeeping or budgeting (a budget app's transaction, an
// expense claim, a ledger row, a journal entry), as against a change that moves money (a charge, a payout, a trade).
// The risk rule KEEPS_MONEY_RECORDS asks for it beside the financial capability: editing a transaction's category in
// a budget app writes private financial data (medium) but pays no one.
/** Name words of a bookkeeping record ("update_transactions_bulk", "boond_expenses_create", "upsert_budget"). */
const BOOKKEEPING_NAME_WORDS: ReadonlySet<string> = new Set([
  'transaction', 'transactions', 'expense', 'expenses', 'ledger', 'ledgers', 'budget', 'budgets', 'journal', 'bookkeeping',
]);
/**
 * Text that says the call itself moves money, which keeps the record no mere record: a sale transaction that charges
 * a card ("Create a sale transaction: charges the customer's card"), a transfer of funds, a refund, a trade.
 */
const MONEY_MOVES =
  /\b(?:charg(?:e|es|ed|ing)|pays?|paying|payouts?|refund(?:s|ed|ing)?|captur(?:e|es|ing)|withdraw\w*|send(?:s|ing)? (?:money|funds|payments?|crypto|tokens?)|transfer(?:s|ring)? (?:money|funds)|(?:buy|sell)(?:s|ing)?|trades?|trading|places? (?:an? )?orders?|on-?chain|broadcast\w*)\b/;

/**
 * Text that says the call only writes down money that moved elsewhere: "Record a cash, check, credit card or bank
 * transfer payment on an invoice", "This does NOT email anyone — it only records the status".
 */
const RECORDS_ONLY = /\b(?:records? an? (?:[\w-]+,? ){0,8}payments? (?:on|received|made|against)|(?:it )?only records)\b/;

/**
 * A money parameter that names only a sum or its currency ("default_currency", "investment_amount", "raised_amount"),
 * or how payment is taken ("payment_terms_days", "isLivePaymentMode"): where nothing else makes a tool financial, such
 * a parameter records a sum or sets a currency (a store's settings, a CRM deal's value, a fund's funding round, a
 * conversion event's value) and moves no money. A price parameter is a price set, which MOVES_MONEY keeps.
 */
const SUM_WORDS: ReadonlySet<string> = new Set(['amount', 'currency']);
const MONEY_PARAM_WORDS: ReadonlySet<string> = new Set(['amount', 'currency', 'price', 'prices', 'payment']);
const PAYMENT_SETTING: ReadonlySet<string> = new Set(['mode', 'terms', 'methods', 'method']);
/**
 * Text of money spent that a bare sum still moves: a tip set, a bet, a token approval to spend, a swap, a top-up, a
 * paid task's budget, a sum quoted in money ("$10/day").
 */
const SPENDS = /\b(?:tips?|bets?|budgets?|spend\w*|swap\w*|top[- ]?ups?|checkout|deposit\w*|stak(?:e|es|ing)|transfer\w*)\b|[$€£¥]\s?\d/;
/** A money word the text denies: "never used for billing or quota enforcement", "no payment method is required". */
const NEGATED_BEFORE = /\b(?:never|not|no)\s+(?:[\w-]+\s+){0,2}$/;
/** A financial name word's template is a layout ("crm_createInvoiceTemplate"), not a bill. */
const TEMPLATE_AFTER: ReadonlySet<string> = new Set(['template', 'templates']);

/** Every match of the financial capability's description pattern, made once. */
const FINANCIAL_DESCRIPTION_ALL = new RegExp(FINANCIAL_DESCRIPTION.source, `${FINANCIAL_DESCRIPTION.flags.replace('g', '')}g`);
const NO_WORDS: ReadonlySet<string> = new Set();

/** Whether the tool is financial only by a bare sum, a payment setting or a denied money word (see SUM_WORDS). */
function onlySumsOrDenied(s: Parameters<Rule['apply']>[0]): string | undefined {
  if (s.nameWords.some((w) => FINANCIAL_NAME_WORDS.has(w) || FINANCIAL_CONTEXT_NAME_WORDS.has(w))) return undefined;
  let denied: string | undefined;
  for (const m of s.description.matchAll(FINANCIAL_DESCRIPTION_ALL)) {
    if (!NEGATED_BEFORE.test(s.description.slice(Math.max(0, m.index - 40), m.index))) return undefined;
    denied ??= m[0];
  }
  let sum: string | undefined;
  for (const p of s.params) {
    if (p.depth > 0) continue;
    for (const [i, w] of p.words.entries()) {
      if (!MONEY_PARAM_WORDS.has(w)) continue;
      if (SUM_WORDS.has(w) || (w === 'payment' && PAYMENT_SETTING.has(p.words[i + 1] ?? ''))) sum ??= p.name;
      else return undefined;
    }
  }
  if (SPENDS.test(s.description)) return undefined;
  return sum ?? denied;
}

export const moneyBookkeeping: Rule = {
  code: 'MONEY_BOOKKEEPING',
  role: 'evidence',
  summary:
    'The tool keeps money records for bookkeeping or a budget: a name word such as transaction, expense, ledger, budget or journal, or text saying it records a payment or only records, where its text says nothing of charging, paying, refunding, transferring funds or trading.',
  apply: (s) => {
    const words = s.nameWords;
    if (MONEY_MOVES.test(s.description)) return [];
    const inName = nameWordsIn(words, BOOKKEEPING_NAME_WORDS, NO_WORDS);
    if (inName.length > 0) return [{ effect: 'money-bookkeeping', matched: inName, source: 'name', weight: 2 }];
    const template = words.find((w, i) => FINANCIAL_NAME_WORDS.has(w) && TEMPLATE_AFTER.has(words[i + 1] ?? ''));
    if (template !== undefined) return [{ effect: 'money-bookkeeping', matched: [template], source: 'name', weight: 2 }];
    const bare = onlySumsOrDenied(s);
    if (bare !== undefined)
      return [{ effect: 'money-bookkeeping', matched: [bare], source: s.params.some((p) => p.name === bare) ? 'inputSchema' : 'description', weight: 2 }];
    const m = RECORDS_ONLY.exec(s.description);
    return m === null ? [] : [{ effect: 'money-bookkeeping', matched: [m[0]], source: 'description', weight: 2 }];
  },
};
