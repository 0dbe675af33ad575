export { HttpError, InvalidInputError } from './http-errors';
export { startStarterServer, type StarterOptions, type StarterServer } from './starter-server';
export { starterAddress, StarterSettingError, type StarterAddress } from './starter-settings';
export { serveStarter, STARTER_HEALTH_ADDRESS, type StarterWorkflow } from './serve-starter';
