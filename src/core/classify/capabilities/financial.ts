// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_FINANCIAL: the tool handles money: payments, invoices, refunds, prices, balances.
import { capabilityRule } from '../capability-rule.ts';

export const capFinancial = capabilityRule({
  code: 'CAP_FINANCIAL',
  capability: 'financial',
  summary: 'Money: payments, invoices, refunds, charges, prices, coupons, balances, payouts; parameters such as amount and currency.',
  nameWords: new Set(['payment', 'payments', 'invoice', 'invoices', 'refund', 'refunds', 'charge', 'charges', 'payout', 'payouts', 'coupon', 'coupons', 'billing', 'dispute', 'disputes', 'wallet', 'balance', 'price', 'prices', 'pricing', 'transaction', 'transactions', 'purchase', 'pay', 'money', 'cost', 'costs', 'subscription', 'subscriptions', 'bank', 'transfer', 'checkout']),
  paramWords: new Set(['amount', 'currency', 'price', 'prices', 'payment']),
  description: /\b(?:payments?|invoices?|refunds?|billing|credit card|payouts?)\b/,
  notAfter: new Set(['git', 'azure', 'event', 'topic', 'resource']),
});
