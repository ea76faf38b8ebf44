// Site-facing data: what each category, risk level and capability means, in words a person deciding on access can use.
import type { Capability, Category, Risk } from '../schemas/verdict.ts';

/** Label, description and what could go wrong, per capability. */
export const CAPABILITY_INFO: Record<Capability, { label: string; description: string; risks: string }> = {
  filesystem: {
    label: 'Filesystem',
    description: 'Reads or writes files and directories on the machine the server runs on.',
    risks: 'Can leak secrets kept in files (keys, .env, config) or overwrite and delete your work.',
  },
  'code-execution': {
    label: 'Code execution',
    description:
      'Runs code, shell commands, scripts or queries that the caller provides, with nothing limiting them to reads.',
    risks:
      'Anything the server process can do, the caller can do: read secrets, change or destroy data, reach the network.',
  },
  'network-egress': {
    label: 'Network egress',
    description: 'Reaches URLs or hosts the caller chooses, or sends data to third-party services.',
    risks:
      'Can carry data out of your environment, fetch attacker-controlled content into the conversation, or probe internal hosts.',
  },
  messaging: {
    label: 'Messaging',
    description: 'Sends email, chat messages, SMS or notifications, or reads mailboxes.',
    risks: 'Can speak for you to other people, spam, phish, or leak conversation content to outsiders.',
  },
  financial: {
    label: 'Financial',
    description: 'Handles money: payments, invoices, refunds, prices, subscriptions, balances.',
    risks: 'Can move money, issue refunds or charges, or change what customers pay.',
  },
  credentials: {
    label: 'Credentials',
    description: 'Reads, creates or changes secrets: API keys, tokens, passwords, certificates, environment variables.',
    risks: 'A leaked or replaced secret gives lasting access far beyond this one tool.',
  },
  database: {
    label: 'Database',
    description: 'Reads or changes a database: SQL, tables, collections, records, indexes, migrations.',
    risks: 'Can expose or alter business data in bulk; a bad statement can drop or corrupt tables.',
  },
  infrastructure: {
    label: 'Infrastructure',
    description: 'Manages cloud or cluster resources: servers, VMs, pods, deployments, storage, DNS, firewalls.',
    risks: 'Can take services down, open them to the internet, or run up costs.',
  },
  browser: {
    label: 'Browser',
    description: 'Drives a browser or device screen: opens pages, clicks, types, takes screenshots, runs page scripts.',
    risks: 'Acts inside logged-in sessions, can submit forms and purchases, and reads whatever the page shows.',
  },
  'personal-data': {
    label: 'Personal data',
    description: 'Handles data about people: users, contacts, customers, profiles, mailboxes.',
    risks: 'Can expose or change personal information, with privacy and legal consequences.',
  },
};

/** Label and description per category. */
export const CATEGORY_INFO: Record<Category, { label: string; description: string }> = {
  read: { label: 'Read', description: 'Looks things up, computes or renders; no effect on anything outside the call.' },
  write: { label: 'Write', description: 'Creates, changes, sends or triggers something, without destroying anything.' },
  destructive: {
    label: 'Destructive',
    description:
      'Deletes, overwrites, irreversibly alters, terminates or revokes something, or runs arbitrary code, commands or queries that can.',
  },
};

/** Label and description per risk level. */
export const RISK_INFO: Record<Risk, { label: string; description: string }> = {
  low: { label: 'Low', description: 'Reads data that is not sensitive; safe to allow by default.' },
  medium: {
    label: 'Medium',
    description: 'Changes things, or reads sensitive data or arbitrary URLs; allow with limits.',
  },
  high: {
    label: 'High',
    description:
      'Destroys data, moves money, messages people, touches secrets, runs scripts in logged-in pages or free-form queries behind an unproven guard; starter policies require approval for changes and rate-limit reads.',
  },
  critical: {
    label: 'Critical',
    description: 'Runs arbitrary code or destroys infrastructure or data in bulk; deny unless you truly need it.',
  },
};
