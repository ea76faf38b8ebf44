// A server's source in words for pages: package and version, endpoint URL, or the command that started it (shown as
// text, never as a link).
import type { ServerSource } from '../core/schemas/snapshot.ts';

/** One line describing where a server came from. */
export function sourceText(source: ServerSource): string {
  switch (source.kind) {
    case 'npm':
      return `npm package ${source.package}@${source.version}`;
    case 'pypi':
      return `PyPI package ${source.package}==${source.version}`;
    case 'remote':
      return `remote endpoint ${source.url}`;
    case 'command':
      return `command ${[source.command, ...source.args].join(' ')}`;
  }
}
