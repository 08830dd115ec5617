/** Route fuzzing, shard 3 of 4 (issue 11): see routeFuzzShard.testkit.ts. */
import { describeRouteFuzzShard } from './routeFuzzShard.testkit.js';

await describeRouteFuzzShard(2);
