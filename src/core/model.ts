// The record model: the records (records.ts) and the sections that hold them,
// derived from their declarations (sections.ts), in one import.
export * from './records.js';
export { emptySections, SECTIONS, type Section, type SectionRecords } from './sections.js';
