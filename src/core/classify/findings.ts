// FINDING_INFO: title and explanation of every finding code the classifier emits, from the one catalogue in
// src/core/findings/.
import { findingInfoRecord } from '../findings/index.ts';

/** Title and description per classifier finding code. */
export const FINDING_INFO: Record<string, { title: string; description: string }> = findingInfoRecord('classifier');
