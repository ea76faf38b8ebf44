// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_FINANCIAL: the tool handles money: payments, invoices, refunds, prices, balances.
import { capabilityRule } from '../capability-rule.ts';

/** Name words of money (exported for MONEY_BOOKKEEPING, which asks whether a tool is financial by its name at all). */
export const FINANCIAL_NAME_WORDS: ReadonlySet<string> = new Set(['payment', 'payments', 'invoice', 'invoices', 'refund', 'refunds', 'charge', 'charges', 'payout', 'payouts', 'coupon', 'coupons', 'billing', 'dispute', 'disputes', 'wallet', 'balance', 'price', 'prices', 'pricing', 'transaction', 'transactions', 'purchase', 'pay', 'money', 'cost', 'costs', 'subscription', 'subscriptions', 'bank', 'checkout']);
/** Name words of money only where money is spoken of (exported for MONEY_BOOKKEEPING). */
export const FINANCIAL_CONTEXT_NAME_WORDS: ReadonlySet<string> = new Set(['transfer', 'transfers', 'portfolio', 'portfolios']);
/** The description's money words (exported for MONEY_BOOKKEEPING); see the comment at the spec's `description`. */
export const FINANCIAL_DESCRIPTION = /\b(?:financial (?:operations?|transactions?)|payments?|invoices?|refunds?|billing|credit card|payouts?|chart of accounts|general ledger|buying power|net liquidation|(?:market|limit|stop(?:-loss)?) orders?|leveraged (?:positions?|trading)|(?:set|sets|change|changes|adjust|adjusts) (?:the )?leverage|futures (?:trading|positions?|orders?|contracts?)|(?:credit|debit) notes?|debit\/credit|debits? (?:and|or) credits?|payables|receivables|accounts? (?:payable|receivable))\b/;

/** Text in which "billing" is a party's billing that the tool reads or changes (see the spec's descriptionOnlyWhere). */
const BILLING_OF_A_PARTY =
  /\bbilling (?:settings?|rates?|codes?|items?|categor(?:y|ies)|data(?:sets?)?|accounts?|details|configuration|info(?:rmation)?|actions?|history|records?|entries|statements?|profiles?|contacts?|status|portal|reports?)\b|\b(?:suspend|activat|enabl|disabl|manag|paus|resum)\w* (?:\w+ )?billing\b|\b(?:stripe|saas|customer'?s?|account'?s?|your|their) billing\b|\b(?:un)?billable (?:items?|time|hours|entries|expenses)\b/i;

export const capFinancial = capabilityRule({
  code: 'CAP_FINANCIAL',
  capability: 'financial',
  summary: 'Money: payments, invoices, refunds, charges, prices, coupons, balances, payouts; parameters such as amount and currency.',
  nameWords: FINANCIAL_NAME_WORDS,
  // A transfer moves money only where money is spoken of: an SPI transfer moves bytes, a style or GEDCOM transfer none.
  // Nor is every portfolio an investor's: a designer's holds work.
  contextNameWords: FINANCIAL_CONTEXT_NAME_WORDS,
  context: /\b(?:money|funds?|payments?|amounts?|currenc(?:y|ies)|balances?|accounts?|wallets?|banks?|crypto|tokens?|usdc|usdt|eth|btc|nfts?|wire|ach|sepa|iban|swift|invoices?)\b|[$€£¥]/,
  paramWords: new Set(['amount', 'currency', 'price', 'prices', 'payment']),
  // "Scroll amount", "amount of pixels": a quantity, not money.
  paramDescriptionExclude: /\b(?:scroll\w*|pixels?|px|zoom|percent(?:age)?|steps?|degrees?|seconds?|milliseconds?|frames?|bytes?)\b/,
  // Trading: orders placed on a market, leverage set, futures ("Set leverage for futures trading"). Bookkeeping: a
  // credit note ("Create a credit note in Xero"), a journal entry's debits and credits ("accounts with debit/credit
  // amounts"). What is owed: "Lists the aged payables in Xero", accounts receivable.
  // A tool that says so in as many words ("Initiate an inbound domain transfer. … This is a financial operation").
  description: FINANCIAL_DESCRIPTION,
  // "Billing" alone is a party's billing only where the text reads or changes it: its settings, rates, codes, data or
  // account, or billable items ("List billing rates configured for this organisation", "attach it to the first
  // available billing account", "temporarily suspend billing and access", "unbilled and billable items"). Not where it
  // only says the call is billed or passes by ("Billed like any workflow run … each run reports its billing", "keeps
  // billing until it is deleted", "current billing period usage", "billing address", "the billing migration").
  descriptionOnlyWhere: [{ match: /^billing$/i, where: BILLING_OF_A_PARTY }],
  // "memory_bank", "question_bank": a store, not a bank.
  // A transaction begun, committed or rolled back is a database's or a drawing's ("transaction_commit",
  // "begin_transaction", "mysql_transaction_savepoint", "start-transaction"), not money.
  notAfter: new Set(['git', 'azure', 'event', 'topic', 'resource', 'memory', 'question', 'word', 'data', 'knowledge', 'prompt', 'test', 'sample', 'sound', 'begin', 'start', 'commit', 'rollback', 'database', 'db', 'sql',
    // A subscription to a webhook's events or an article's updates is a watch, not a paid plan
    // ("create_webhook_subscription", "onestop_set_article_subscription: Subscribe/unsubscribe to article updates").
    'webhook', 'webhooks', 'article', 'articles']),
  // So is one whose savepoint is released ("mysql_transaction_release: Release a savepoint").
  notBefore: new Set(['begin', 'start', 'commit', 'rollback', 'savepoint', 'release']),
  // An amount the tool's own text puts in pixels or scroll steps, when the parameter says nothing of itself.
  // A checkout of a branch or a commit is version control's ("memkernel_checkout: Switch this session's active branch"),
  // not a purchase.
  elsewhere: [
    { words: new Set(['amount']), where: /\b(?:scroll\w*|pixels?|px)\b/ },
    { words: new Set(['checkout']), where: /\b(?:branch(?:es)?|commits?|revisions?|working (?:tree|copy))\b/ },
    // A transaction of edits to a family tree ("Recent writes to the tree: what changed, when, by which user") or of a
    // patent application's prosecution ("Get prosecution transaction history for an application") moves no money.
    { words: new Set(['transaction', 'transactions']), where: /\b(?:prosecution|gedcom|genealog\w*|(?:family|the) tree)\b/ },
  ],
});
