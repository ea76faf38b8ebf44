// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_INFRASTRUCTURE: the tool manages cloud or cluster infrastructure (VMs, clusters, pods, deployments, DNS,
// storage).
import { capabilityRule } from '../capability-rule.ts';

export const capInfrastructure = capabilityRule({
  code: 'CAP_INFRASTRUCTURE',
  capability: 'infrastructure',
  summary: 'Infrastructure: clusters, VMs, pods, containers, deployments, DNS, firewalls, buckets, disks, serverless functions, servers (projects, sites and servers only on a cloud or host).',
  nameWords: new Set(['cluster', 'clusters', 'vm', 'vms', 'vmss', 'pod', 'pods', 'kubernetes', 'k8s', 'container', 'containers', 'docker', 'deploy', 'deployment', 'deployments', 'instance', 'instances', 'namespace', 'namespaces', 'dns', 'firewall', 'subnet', 'vnet', 'loadbalancer', 'bucket', 'buckets', 'disk', 'disks', 'lambda', 'terraform', 'helm', 'infrastructure', 'iac', 'nodepool', 'droplet', 'droplets', 'ec2', 's3', 'fileshare', 'webapp', 'gcloud', 'kubectl']),
  contextNameWords: new Set(['server', 'servers', 'project', 'projects', 'site', 'sites', 'function', 'functions', 'worker', 'workers', 'domain', 'domains', 'zone', 'zones', 'volume', 'volumes', 'environment', 'environments', 'pipeline', 'pipelines', 'storage']),
  // A serverless platform's Durable Objects and function invocations run on a cloud too ("ID of the Durable Objects
  // namespace").
  context: /\b(?:cloud|deploy\w*|hosting|hosted|serverless|infrastructure|cluster|kubernetes|container\w*|virtual machines?|vms?|provision\w*|dns|cdn|edge|runtime|compute|block storage|aws|rds|azure|gcp|openstack|auto-?scaling|vercel|netlify|cloudflare|heroku|railway|fly\.io|digitalocean|durable objects?|function (?:invocations?|activations?))\b/,
  // "vms: Comma-separated VMIDs", "vmid", "desired_vm_count": the machines of a hypervisor or a cloud, named in a parameter.
  paramWords: new Set(['cluster', 'region', 'zone', 'vm', 'vms', 'vmid', 'vmids']),
  // A Stripe, webhook, market-data or newsletter subscription is no cloud's. Nor is a wiki's, a vector index's, a
  // memory store's, a Terraform registry's or a genealogy filter's namespace ("namespace: Namespace to search in
  // (0=Main)"); a cluster's is ("namespace: Optional Kubernetes namespace to filter to").
  // An instance is a cloud's only beside a cloud's words too: a disassembler's open database ("instance_id: Instance id
  // override" of "Step into instruction"), a report's or a workflow's instance is none; "instance_id: Full VM instance
  // KRN" is.
  contextParamWords: new Set(['subscription', 'namespace', 'instance']),
  // A firewall's rules, a cloud's managed services, network devices (routers and switches a tool configures or runs
  // commands on), named only in the description; and a cluster's or a machine's services ("Stops all services in an
  // Ambari cluster", "Start, stop, restart, or reload a system service on a node").
  description: /\b(?:(?:system )?services? (?:in|on|of|across) (?:an? |the |this |that |each |every |all )?(?:[\w-]+ )?(?:cluster|node|host|vm|virtual machine)s?|firewall (?:filter )?(?:rules?|polic(?:y|ies)|chains?)|manag(?:e|es|ing)(?: and \w+)? (?:azure|aws|gcp|google cloud) |flexible servers?|network devices?|routeros|(?:mikrotik|juniper|junos|cisco|arista) (?:devices?|routers?|switch(?:es)?))\b/,
  // "time_zone": a clock's zone, not a cloud's.
  // "matchInstance": which occurrence of a match, not a cloud instance.
  // "shippingZoneId": a shop's shipping zone (the places it ships to), not a cloud's.
  notAfter: new Set(['mcp', 'sentry', 'search', 'knowledge', 'time', 'match', 'shipping']),
  // A browser's, an editor's or a class's instance is no cloud instance, nor is a design's component instance ("Apply
  // previously copied overrides to selected component instances").
  elsewhere: [
    { words: new Set(['instance', 'instances']), where: /\b(?:browser|chrome|chromium|firefox|webkit|playwright|puppeteer|selenium|editor|class|object|singleton|component) instances?\b/ },
    // An instance given in the Args as a web app's base URL ("instance: Gramps Web base URL") is which deployment of an
    // application to call, not a cloud machine.
    { words: new Set(['instance', 'instances']), where: /\binstance: (?:optional )?(?:[\w-]+ ){0,3}base url\b/ },
    // A Solidity contract's storage namespace (ERC-7201, "namespacePrefix") or a shop's metafield namespace is no cluster's.
    { words: new Set(['namespace', 'namespaces']), where: /\b(?:erc-?\d+|solidity|smart contracts?|metafields?)\b/ },
    // A threat model's trust zones are boxes on a diagram, not a cloud's zones.
    { words: new Set(['zone', 'zones']), where: /\b(?:threat models?|trust (?:zones?|boundar(?:y|ies)))\b/ },
    // A theme's regions are areas of a page layout ("theme_region_create: Add a region to theme"), not a cloud's.
    { words: new Set(['region', 'regions']), where: /\b(?:regions? (?:to|of|in|from) (?:the |a |this |its )?themes?|theme(?:'s)? regions?)\b/ },
  ],
});
