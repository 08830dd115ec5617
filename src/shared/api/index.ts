export * from './errors.js';
export * from './sync.js';
export * from './auth.js';
export * from './lookup.js';
export * from './approvals.js';
export * from './audit.js';
export * from './credentials.js';
