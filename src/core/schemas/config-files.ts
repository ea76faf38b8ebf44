// The MCP config files people already have (Claude Desktop, Cursor/.mcp.json, VS Code, MCP Registry server.json), read
// leniently.
import { z } from 'zod';

const StringMap = z.record(z.string(), z.string());

/** One entry of Claude Desktop / Cursor / .mcp.json `mcpServers`, or of VS Code `servers`. */
export const ConfigServerSchema = z
  .object({
    /** VS Code (and some clients) say which transport; absent means stdio when `command` is set, HTTP when `url` is. */
    type: z.enum(['stdio', 'http', 'sse', 'streamable-http', 'streamableHttp']).optional(),
    /** Executable to start (stdio). */
    command: z.string().optional(),
    /** Its arguments. */
    args: z.array(z.string()).optional(),
    /** Environment for the server (values are secrets: never recorded). */
    env: StringMap.optional(),
    /** Remote endpoint (http/sse). */
    url: z.string().optional(),
    /** Working directory, when the client supports it. */
    cwd: z.string().optional(),
  })
  .passthrough();
export type ConfigServer = z.infer<typeof ConfigServerSchema>;

/** Claude Desktop `claude_desktop_config.json`, Cursor `mcp.json`, project `.mcp.json`. */
export const McpServersConfigSchema = z
  .object({
    /** Servers by name; the name becomes the snapshot id (slugified). */
    mcpServers: z.record(z.string(), ConfigServerSchema),
  })
  .passthrough();

/** VS Code `.vscode/mcp.json` (or the `mcp` block of settings.json). */
export const VsCodeConfigSchema = z
  .object({
    /** Servers by name. */
    servers: z.record(z.string(), ConfigServerSchema),
  })
  .passthrough();

/** A package of an MCP Registry server.json. */
export const RegistryPackageSchema = z
  .object({
    /** Registry the package lives in; only "npm" can be scanned. */
    registryType: z.string().optional(),
    /** Older spelling of registryType. */
    registry_name: z.string().optional(),
    /** Package name. */
    identifier: z.string().optional(),
    /** Older spelling of identifier. */
    name: z.string().optional(),
    /** Exact version. */
    version: z.string().optional(),
    /** Transport the package speaks. */
    transport: z.object({ type: z.string() }).passthrough().optional(),
    /** Positional and named arguments. */
    packageArguments: z
      .array(
        z
          .object({
            type: z.string().optional(),
            name: z.string().optional(),
            value: z.string().optional(),
            default: z.string().optional(),
          })
          .passthrough(),
      )
      .optional(),
    /** Environment variables the package reads. */
    environmentVariables: z
      .array(z.object({ name: z.string(), value: z.string().optional(), default: z.string().optional() }).passthrough())
      .optional(),
  })
  .passthrough();

/** An MCP Registry `server.json`. */
export const RegistryServerSchema = z
  .object({
    /** Reverse-DNS server name, e.g. io.github.owner/repo. */
    name: z.string(),
    /** Human title. */
    title: z.string().optional(),
    /** Server description. */
    description: z.string().optional(),
    /** Source repository. */
    repository: z.object({ url: z.string().optional() }).passthrough().optional(),
    /** Homepage. */
    websiteUrl: z.string().optional(),
    /** Installable packages. */
    packages: z.array(RegistryPackageSchema).optional(),
    /** Hosted endpoints. */
    remotes: z.array(z.object({ type: z.string(), url: z.string() }).passthrough()).optional(),
  })
  .passthrough();
export type RegistryServer = z.infer<typeof RegistryServerSchema>;
