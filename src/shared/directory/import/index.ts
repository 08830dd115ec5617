export * from './columns.js';
export * from './contract.js';
export * from './headers.js';
