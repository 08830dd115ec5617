export * from './phone.js';
export * from './site.js';
export * from './profile.js';
export * from './reference.js';
export * from './mobileProviders.js';
