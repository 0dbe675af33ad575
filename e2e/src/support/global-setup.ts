import { prepareRunEnvironment } from './run-environment';

export default prepareRunEnvironment;
