export { ErrorWithFix, type SettingOrigin } from './error-with-fix';
export * from './profile-errors';
export * from './connect-errors';
export * from './permission-errors';
export * from './result-errors';
export * from './secret-errors';
