// Variables in config entries, expanded as the clients do: ${workspaceFolder} and ${userHome} (VS Code), ${env:NAME}
// (VS Code), ${NAME} and ${NAME:-default} (Claude Code .mcp.json). ${input:…} prompts cannot be answered and stay as
// written.
import type { DiscoveredServer } from './discover.ts';

type Entry = NonNullable<DiscoveredServer['entry']>;

export interface ExpandContext {
  home: string;
  project: string;
  /** The audit's environment (process.env in the CLI). */
  env: Record<string, string | undefined>;
}

/** Expands one string; `used` collects environment values that went in (they are secrets, like env values). */
export function expandVariables(text: string, context: ExpandContext, used: Set<string>): string {
  return text.replace(
    /\$\{(env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g,
    (whole, envPrefix: string | undefined, name: string, fallback: string | undefined) => {
      if (!envPrefix && name === 'workspaceFolder') return context.project;
      if (!envPrefix && name === 'userHome') return context.home;
      const value = context.env[name];
      if (value !== undefined && value !== '') {
        used.add(value);
        return value;
      }
      return fallback ?? whole;
    },
  );
}

/** The entry with every variable expanded, and the environment values that were put into it. */
export function expandEntry(entry: Entry, context: ExpandContext): { entry: Entry; secrets: string[] } {
  const used = new Set<string>();
  const one = (text: string) => expandVariables(text, context, used);
  const out: Entry = { ...entry };
  if (entry.command !== undefined) out.command = one(entry.command);
  if (entry.args) out.args = entry.args.map(one);
  if (entry.cwd !== undefined) out.cwd = one(entry.cwd);
  if (entry.url !== undefined) out.url = one(entry.url);
  if (entry.env) out.env = Object.fromEntries(Object.entries(entry.env).map(([key, value]) => [key, one(value)]));
  if (entry.headers)
    out.headers = Object.fromEntries(Object.entries(entry.headers).map(([key, value]) => [key, one(value)]));
  return { entry: out, secrets: [...used] };
}
