export * from './bundle.js';
export * from './checkBundle.js';
