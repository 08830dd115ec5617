export * from './accounts.js';
export * from './permissions.js';
export * from './session.js';
export * from './idleTimeout.js';
export * from './passwordChange.js';
