// What the catalogue knows about one finding code: the words people read wherever the finding appears.

/** Who emits a code: the scanner (snapshots), the classifier (verdicts), `policy check`, or the audit (`npm run audit`). */
export type FindingSource = 'scanner' | 'classifier' | 'policy-check' | 'audit';

export interface FindingInfo {
  /** Permanent SCREAMING_SNAKE code, never renamed. */
  code: string;
  /** Who emits it. */
  source: FindingSource;
  /** A few words, used as a heading. */
  title: string;
  /** What it means and why it matters, in one or two sentences. */
  explanation: string;
  /** What the server author (or the policy author) can do about it, when there is something to do. */
  fix?: string;
  /** The instance sentence from the finding's args, for findings stored without a message. */
  message?: (args: Record<string, unknown>) => string;
}
