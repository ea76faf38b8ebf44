// Shard 1 of 2 of the catalogue policy check (tests/policy/catalogue-shard.ts): the two shards run on vitest's two
// workers.
import { describeCatalogueShard } from './catalogue-shard.ts';

describeCatalogueShard(0, 2);
