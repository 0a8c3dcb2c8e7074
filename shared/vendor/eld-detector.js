// eld keeps its detector factory out of its package exports; we need it to load our own
// six-language profile (scripts/build-language-profile.ts). A file path is not subject to
// the exports map, and esbuild bundles it like any other module.
export { createEld } from '../../node_modules/eld/src/languageDetector.js';
