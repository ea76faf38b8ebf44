// Every finding code the scanner writes into snapshots, from the one catalogue in src/core/findings/ (codes are
// permanent).
import { findingInfoRecord } from '../findings/index.ts';

/** Scanner finding codes → human title and description. */
export const SCAN_FINDING_INFO: Record<string, { title: string; description: string }> = findingInfoRecord('scanner');
