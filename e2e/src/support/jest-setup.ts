import { TIMEOUTS } from './timeouts';

jest.setTimeout(TIMEOUTS.test);
