/**
 * Dynamic management of recognised clusters (section R of the criteria; Measures ch. 4): the annual
 * monitoring form, checks R1–R6, the monitoring verdict, the register and the renewal record.
 */
export * from './form.js';
export * from './read.js';
export * from './checks.js';
export * from './roster.js';
export * from './review.js';
export * from './template.js';
export * from './recognise.js';
export * from './register.js';
export * from './examine.js';
export * from './renewal.js';
export * from './check-plan.js';
export * from './charts.js';
