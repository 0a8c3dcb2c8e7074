// The declaration, in one import: `import { FUNCTIONS, ENV } from '…/shared/declaration/index.ts'`.
export * from './functions.ts';
export * from './model.ts';
export * from './resources.ts';
export * from './routes.ts';
