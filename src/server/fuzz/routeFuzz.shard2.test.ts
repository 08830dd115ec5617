/** Route fuzzing, shard 2 of 4 (issue 11): see routeFuzzShard.testkit.ts. */
import { describeRouteFuzzShard } from './routeFuzzShard.testkit.js';

await describeRouteFuzzShard(1);
