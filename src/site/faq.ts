// The six-question FAQ on every tool page, and its FAQPage structured data; answers may quote untrusted text as plain
// text.
import type { ToolView } from './catalog.ts';
import { oneLine } from './text.ts';

export interface FaqItem {
  question: string;
  answer: string;
}

export interface FaqContext {
  /** Label of the tool's risk level, e.g. "High". */
  riskLabel: string;
  /** Why that level: what the risk means. */
  riskDescription: string;
  /** Label of its category, e.g. "Destructive". */
  categoryLabel: string;
  /** Labels of its capabilities. */
  capabilityLabels: string[];
  /** describePolicy(...).summary for the tool. */
  policySummary: string;
  /** The server's source in words: package@version, URL or command. */
  serverSource: string;
}

/** Six questions: what it does, enforcing a policy, its risk, rate limiting, blocking it, which server provides it. */
export function toolFaq(
  t: Pick<ToolView, 'name' | 'description' | 'serverName' | 'serverId'>,
  ctx: FaqContext,
): FaqItem[] {
  const name = oneLine(t.name, 120);
  const what = t.description.trim() ? oneLine(t.description, 300) : 'The server gives no description.';
  const access = ctx.capabilityLabels.length ? ` It touches: ${ctx.capabilityLabels.join(', ')}.` : '';
  return [
    {
      question: `What does the ${name} tool do?`,
      answer: `Its server, ${oneLine(t.serverName, 120)}, describes it as: “${what}” Toolgate classifies it as ${ctx.categoryLabel.toLowerCase()}.${access}`,
    },
    {
      question: `How do I enforce a policy on ${name}?`,
      answer: `Put a policy-enforcing MCP gateway between the agent and the server and load the policy.json starter from this page (or the whole-server policy). Under the starter: ${ctx.policySummary}`,
    },
    {
      question: `What is the risk level of ${name}?`,
      answer: `${ctx.riskLabel}. ${ctx.riskDescription}`,
    },
    {
      question: `Can ${name} be rate-limited?`,
      answer: `Yes. Add a limit for the tool (a counter, a window such as a minute, hour or day, and a maximum) in its policy entry, or a limit under all_tools for every call; the gateway denies calls over the limit.`,
    },
    {
      question: `How do I block ${name} completely?`,
      answer: `List the tool under "hide" in the policy (it is removed from the tool list and denied when called), or give it a deny_if rule with no conditions; with "default": "deny", simply leave it out of "tools".`,
    },
    {
      question: `Which MCP server provides ${name}?`,
      answer: `${oneLine(t.serverName, 120)} (Toolgate id ${t.serverId}), from ${oneLine(ctx.serverSource, 200)}.`,
    },
  ];
}

/** schema.org FAQPage for the items; serialize with serializeJsonLd. */
export function faqJsonLd(items: readonly FaqItem[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((item) => ({
      '@type': 'Question',
      name: item.question,
      acceptedAnswer: { '@type': 'Answer', text: item.answer },
    })),
  };
}
