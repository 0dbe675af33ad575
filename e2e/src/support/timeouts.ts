/**
 * Every wait in the e2e suite derives from one setting: budgets sized for a 2-core machine under
 * load, stretched together by E2E_TIME_SCALE (e.g. 2 on a slower machine). Limits that are claims
 * of the product (refused within 15 s, ready again within 30 s) are not budgets: the tests prove
 * them as stated.
 */
const scale = Number(process.env.E2E_TIME_SCALE ?? '1');
if (!(scale > 0)) throw new Error(`E2E_TIME_SCALE=${process.env.E2E_TIME_SCALE} is not a positive number.`);

const seconds = (count: number) => Math.round(count * 1000 * scale);

export const TIMEOUTS = {
  /** A probe, a page element, a line that follows at once from something the test did. */
  step: seconds(30),
  /** A server, worker or UI coming up, or a batch of workflows finishing. */
  ready: seconds(120),
  /** One test: cluster, apps and workflows. */
  test: seconds(180),
  /** A test that builds, installs or runs 1,000 workflows or more. */
  long: seconds(480),
};
