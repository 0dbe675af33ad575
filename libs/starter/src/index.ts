export { HttpError, InvalidInputError } from './http-errors';
export { startStarterServer, type StarterOptions, type StarterServer } from './starter-server';
export { starterAddress, StarterSettingError, type StarterAddress } from './starter-settings';
export { serveStarter, type StarterWorkflow } from './serve-starter';
