// Names of the OWASP risks the attack pages map to, defined once so pages and checks agree.

/** OWASP MCP Top 10 (beta) and the LLM Top 10 (2025) items the attack database refers to. */
export const OWASP_INFO: Record<string, { name: string; list: string }> = {
  MCP01: { name: 'Token Mismanagement & Secret Exposure', list: 'OWASP MCP Top 10 (beta)' },
  MCP02: { name: 'Privilege Escalation via Scope Creep', list: 'OWASP MCP Top 10 (beta)' },
  MCP03: { name: 'Tool Poisoning', list: 'OWASP MCP Top 10 (beta)' },
  MCP04: { name: 'Software Supply Chain Attacks & Dependency Tampering', list: 'OWASP MCP Top 10 (beta)' },
  MCP05: { name: 'Command Injection & Execution', list: 'OWASP MCP Top 10 (beta)' },
  MCP06: { name: 'Prompt Injection via Contextual Payloads', list: 'OWASP MCP Top 10 (beta)' },
  MCP07: { name: 'Insufficient Authentication & Authorization', list: 'OWASP MCP Top 10 (beta)' },
  MCP08: { name: 'Lack of Audit and Telemetry', list: 'OWASP MCP Top 10 (beta)' },
  MCP09: { name: 'Shadow MCP Servers', list: 'OWASP MCP Top 10 (beta)' },
  MCP10: { name: 'Context Injection & Over-Sharing', list: 'OWASP MCP Top 10 (beta)' },
  LLM06: { name: 'Excessive Agency', list: 'OWASP Top 10 for LLM Applications 2025' },
};

/** Where readers can look the lists up. */
export const OWASP_SOURCES: Record<'MCP' | 'LLM', string> = {
  MCP: 'https://owasp.org/www-project-mcp-top-10/',
  LLM: 'https://genai.owasp.org/llmrisk/llm062025-excessive-agency/',
};
