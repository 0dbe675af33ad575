import { endRunEnvironment } from './run-environment';

export default endRunEnvironment;
