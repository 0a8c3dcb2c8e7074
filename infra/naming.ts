/** `level1` → `Level1`, `createCase` → `CreateCase`: construct ids that read like the declaration. */
export const pascalCase = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
