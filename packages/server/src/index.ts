export * from './vouch.js';
