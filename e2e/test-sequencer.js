const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

/** The docblock pragma support/worker-environment.ts reads: specs naming a lane run one at a time in it. */
const EXCLUSIVE = /^\s*\*\s*@e2e-exclusive\s+\S+/m;

const isExclusive = (test) => EXCLUSIVE.test(readFileSync(test.path, 'utf8').split('*/')[0]);

/**
 * Jest's order (failed first, then slowest first), rearranged for two workers: each exclusive spec
 * is followed by other specs lasting about as long (by the last run's times; else an equal share),
 * so the worker beside it has work until the exclusive spec ends and the next one may start.
 */
class E2eSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const exclusive = ordered.filter(isExclusive);
    const others = ordered.filter((test) => !exclusive.includes(test));
    const timed = ordered.every((test) => test.duration != null);
    const share = Math.ceil(others.length / Math.max(exclusive.length, 1));
    const result = [];
    for (const test of exclusive) {
      result.push(test);
      let [count, time] = [0, 0];
      while (others.length > 0 && (timed ? time < test.duration : count < share)) {
        time += others[0].duration ?? 0;
        count += 1;
        result.push(others.shift());
      }
    }
    return [...result, ...others];
  }
}

module.exports = E2eSequencer;
