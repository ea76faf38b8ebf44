// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_PERSONAL_DATA: the tool handles data about people (users, contacts, customers, profiles, mail content).
import { capabilityRule } from '../capability-rule.ts';

export const capPersonalData = capabilityRule({
  code: 'CAP_PERSONAL_DATA',
  capability: 'personal-data',
  summary: 'Data about people: users, contacts, customers, profiles, employees, members, mailboxes, phone numbers, locations of people, health and wellness records.',
  nameWords: new Set(['user', 'users', 'contact', 'contacts', 'customer', 'customers', 'people', 'person', 'profile', 'profiles', 'employee', 'employees', 'member', 'members', 'patient', 'patients', 'guest', 'guests', 'attendee', 'attendees', 'subscriber', 'subscribers', 'gmail', 'inbox', 'mailbox', 'identity', 'wellness', 'friend', 'friends',
    // A student's timetable or grades ("get_student_timetable"), and a body's own records: a cycle, heart-rate
    // variability, fertility ("get_menstrual_last_confirmed", "get_hrv").
    'student', 'students', 'pupil', 'pupils', 'menstrual', 'menstruation', 'hrv', 'fertility', 'ovulation']),
  // A body's measures read from a wearable or a health service ("Garmin Connect API: get_weight_snapshot"): a person's
  // health records; not a model's weights, a process's sleep or a load test's stress.
  contextNameWords: new Set(['weight', 'weigh', 'weighins', 'sleep', 'stress', 'bmi', 'heart', 'hydration', 'spo2', 'respiration', 'vo2max', 'body',
    // A wearable's personal records are a runner's bests ("get_personal_record_candidates").
    'personal']),
  context: /\b(?:garmin|fitbit|oura|whoop|withings|polar|healthkit|health connect|wearables?|wellness)\b/,
  // "crm" names the kind of system, not what a tool touches: a CRM's calendars, coupons, pipelines, conversion goals and
  // blog posts ("crm_googleGetConversionGoals: Retrieve Google Ads conversion goals") hold no data about people. It counts
  // when the description names people or what holds their words and details: conversations, messages, form and survey
  // submissions, appointments, ad audiences, followers ("score_all_crm_contacts: AI-score the org's CRM contacts").
  // The user or a member who calls or sees the tool is not what it touches ("This becomes the user's personal AI",
  // "Confirm with the user before", "every member sees every teammate's threads"), so neither word counts here.
  onlyWhere: [
    // An account is a person's only where the description speaks of people or their details ("The signed-in Omio
    // account: name, email"); a cloud, hosting, ledger, brokerage, payout or ACME account
    // ("hosting_deleteAccountCronJobV1", "get_account_info: balances and status", "register_acme_account") holds none.
    {
      words: new Set(['account', 'accounts']),
      where: /\b(?:users?|people|persons?|personal|profiles?|e-?mails?|phones?|contacts?|customers?|members?|employees?|social|mail(?:box(?:es)?)?|inbox(?:es)?|imap|signed[- ]in|logged[- ]in)\b/,
    },
    // A candidate is a person only where the text speaks of hiring ("ashby_search_candidates: Search candidates by name
    // or email", "boond_candidates_get: la fiche d'un(e) candidat"); elsewhere it is a thing up for choosing: a drug to
    // repurpose, memories to consolidate, filings to pick ("list_financial_document_candidates",
    // "find_drug_repurposing_candidates").
    {
      words: new Set(['candidate', 'candidates']),
      where: /\b(?:candidats?|recruit(?:s|ing|er|ers|ment)?|hiring|hired?|applicants?|job applications?|interviews?|resumes?|résumés?|cvs?|talent|jobs?|e-?mails?|phones?|people|persons?|users?|profiles?|list_applications|by[ _]name|candidate_id|pipelines?|submitted)\b/,
    },
    {
      words: new Set(['crm']),
      where: /\b(?:contacts?|leads?|customers?|clients?|people|persons?|prospects?|attendees?|patients?|candidates?|subscribers?|employees?|affiliates?|followers?|audiences?|conversations?|messages?|submissions?|appointments?|opportunit(?:y|ies))\b/,
    },
  ],
  paramWords: new Set(['email', 'phone', 'birthdate', 'dob', 'nationality', 'ssn', 'address']),
  // A person's health: medical or patient records. People found, matched, listed or returned.
  // A body's own readings: weigh-ins, body fat, biometrics ("Get every weigh-in and body-fat reading, as Google recorded
  // each one", "Sections include: biometrics, hormones, lipids").
  description: /\b(?:personal (?:data|information)|pii|contacts|customers|email addresses|phone numbers|user profiles?|(?:medical|patient) records?|weigh-ins?|body[- ]fat|biometrics|(?<!never )(?:matched|matching|find|finds|search|searches|list|lists|return|returns|resolve|resolves|the) people)\b/,
  // "storage_account", "thrust_profile", "color_profile": not a person's.
  notAfter: new Set(['storage', 'service', 'system', 'cloud', 'thrust', 'color', 'colour', 'icc', 'power', 'speed', 'velocity', 'elevation', 'performance', 'load', 'config', 'energy', 'audio', 'network', 'build', 'compression',
    // Nor is a tool, vehicle, wallet, asset, volume, style, policy, security, SSH, render or Pyroscope
    // (CPU) profile, or a wallet's address ("get_wallet_profile: Wallet summary: native balance", "vehicle_profile: Physical / architecture
    // profile of the aircraft").
    'tool', 'vehicle', 'wallet', 'asset', 'volume', 'style', 'policy', 'security', 'ssh', 'render', 'pyroscope',
    // Nor a socket's, a proxy's or an RPC endpoint's address ("ws_address" of "Attach to an already-running browser over its
    // CDP WebSocket address"); a visitor's "ip_address" may well be a person's.
    'ws', 'wss', 'websocket', 'socket', 'rpc', 'proxy', 'listen', 'bind',
    // Nor a dataset's, an atmosphere's, a gene's phenotype or an InSpec profile ("get_atmosphere_profile: pressure,
    // temperature, density at altitudes", "parse_inspec_profile").
    'dataset', 'atmosphere', 'atmospheric', 'phenotype', 'inspec']),
  paramDescriptionExclude: /\b(?:ip|ipv4|ipv6|mac|url|uri|web|server|endpoint|network|subnet|cidr|wallet|contract|hex|0x[0-9a-f]+)\b/,
  // Likewise an address parameter of a tool about IP, MAC, wallet or memory addresses, described or not.
  // A hypervisor's guests are virtual machines, and a ledger's accounts (a chart of accounts) hold money, not people.
  elsewhere: [
    { words: new Set(['address']), where: /\b(?:ip|ipv4|ipv6|mac|wallet|contract|memory|hex|network|bluetooth)\s+address(?:es)?\b/ },
    { words: new Set(['account', 'accounts']), where: /\b(?:chart of accounts|(?:general )?ledgers?|accounting|bookkeeping|journal entr(?:y|ies)|debit|assets?, liabilit(?:y|ies))\b/ },
    { words: new Set(['guest', 'guests']), where: /\b(?:vms?|virtual machines?|containers?|lxc|qemu|kvm|hypervisors?|proxmox|vmids?)\b/ },
    // An event subscriber is code that handles events, and MCP resource subscriptions are a client's, not people's.
    { words: new Set(['subscriber', 'subscribers']), where: /\b(?:event subscribers?|resource subscriptions?)\b/ },
    // An agent's or a session's wellness is a score of software, not a person's health.
    { words: new Set(['wellness']), where: /\b(?:agents?|multi-agent|sessions?)\b/ },
    // Student's t is a distribution ("Degrees of freedom for a Student-t that best matches empirical VaR"), not a pupil.
    { words: new Set(['student', 'students']), where: /\bstudent(?:'s)?[- ]t\b|\bt-distribution\b/ },
    // A load balancer pool's or a cluster's members are servers, and a class's or an enum's members are code ("Get members
    // for a specific OpenStack load balancer pool", "List the members of a struct"), not people.
    { words: new Set(['member', 'members']), where: /\b(?:pool|load[- ]balancers?|replica ?sets?|etcd|raft|quorum|cluster|bond|raid|struct|class|enum|union|interface|namespace|module|type)(?:'s)? members?\b/ },
    // An ICC profile describes a colour space, not a person.
    { words: new Set(['profile', 'profiles']), where: /\b(?:icc|colou?r (?:profiles?|spaces?|management))\b/ },
    // Nor does a company's, a listed stock's, an agent's, a browser's or an OSCAL profile ("company_profile: Reference
    // profile for a US stock or ETF: name, exchange, sector", "Read the org's company profile", "Publish or update this
    // agent's public profile", "Deletes an existing persistent Hyperbrowser profile", "Return loaded OSCAL Profiles"):
    // a business, a piece of software or a control baseline, not a person.
    {
      words: new Set(['profile', 'profiles']),
      where:
        /\b(?:compan(?:y|ies)|business(?:es)?|corporate|issuer|organi[sz]ations?|agent|\w*browser|oscal)(?:'s)? (?:public |persistent |saved )?profiles?\b|\bprofiles? (?:for|of) (?:a |an |the )?(?:us |listed )?(?:compan(?:y|ies)|stocks?|etfs?|tickers?|business(?:es)?|issuers?)\b/,
    },
    // A data profile ("profile_dataset: Profile a tabular data file": its shape, nulls and column stats) describes a
    // dataset, not a person.
    { words: new Set(['profile', 'profiles']), where: /\b(?:profiles? (?:a |the |this |your )?(?:tabular |csv )?(?:data ?sets?|data files?|tables?|columns?|dataframes?)|data(?:set)? profil(?:e|es|ing))\b/ },
  ],
});
