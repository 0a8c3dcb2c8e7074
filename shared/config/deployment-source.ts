// Where this process's configuration comes from, read raw: a configuration folder
// (config/default unless TIERDESK_CONFIG_DIR names another), or in Lambda the bundle synth
// compiled from one (TIERDESK_DEPLOYMENT_BUNDLE, beside the code, with the search indexes
// built). Validation is deployment.ts's; this module loads no parser, so the
// classifier's cold start (which trusts what start and synth validated) stays small.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { LANGUAGES } from '../domain/support-model.ts';
import type { SerializedKnowledgeBase } from '../knowledge-base/knowledge-base.ts';

/** The files of a configuration folder; articles are one file a language under articles/. */
export const CONFIG_FILES = {
  routingRules: 'routing-rules.json',
  vendors: 'vendor-catalogue.json',
  slaPolicy: 'sla-policy.json',
  calendars: 'team-calendars.json',
  teams: 'teams.json',
  deskPolicy: 'desk-policy.json',
} as const;
export type ConfigKey = keyof typeof CONFIG_FILES;

export const DEFAULT_CONFIG_DIR = resolve(import.meta.dirname, '../../config/default');
const CONFIG_DIR_ENV = 'TIERDESK_CONFIG_DIR';
/** Names the compiled bundle inside a Lambda asset (relative to LAMBDA_TASK_ROOT). */
export const DEPLOYMENT_BUNDLE_ENV = 'TIERDESK_DEPLOYMENT_BUNDLE';
export const BUNDLE_FILE = 'deployment.json';

/** A configuration as read, before validation. `undefined` marks a file missing or not JSON. */
export type RawDeployment = {
  /** Where it came from, as messages name it. */
  source: string;
  files: Record<ConfigKey, unknown>;
  /** Each article with the file it came from (`__file`), for messages. */
  articles: unknown[];
  /** The search indexes, when synth built them. */
  kbIndex?: SerializedKnowledgeBase;
  /** What could not be read at all: missing files, broken JSON. */
  problems: string[];
};

/** A path as messages show it: relative to the working directory when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function readConfigFolder(dir: string): RawDeployment {
  const folder = resolve(dir);
  const source = shown(folder);
  const problems: string[] = [];
  const files = {} as Record<ConfigKey, unknown>;
  const articles: unknown[] = [];
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return { source, files, articles, problems: [`${source}: not a folder`] };
  }
  for (const [key, file] of Object.entries(CONFIG_FILES) as Array<[ConfigKey, string]>) {
    files[key] = readJson(join(folder, file), `${source}/${file}`, problems);
  }
  for (const language of LANGUAGES) {
    const file = `articles/${language}.json`;
    const raw = readJson(join(folder, file), `${source}/${file}`, problems);
    if (raw === undefined) continue;
    if (!Array.isArray(raw)) problems.push(`${source}/${file}: (root): expected an array of articles`);
    else articles.push(...raw.map((article) => ({ ...article, __file: file })));
  }
  return { source, files, articles, problems };
}

function readJson(path: string, where: string, problems: string[]): unknown {
  if (!existsSync(path)) {
    problems.push(`${where}: missing (copy it from config/default and adapt it)`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${where}: not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/** A bundle compileDeployment wrote, as a function reads it from its asset. */
export function readBundleFile(path: string): RawDeployment {
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Omit<RawDeployment, 'problems'>;
  return { ...bundle, source: `${bundle.source} (bundled)`, problems: [] };
}

/** Where this process takes its configuration from: a bundle in Lambda, else a folder. */
export function configurationSource(
  env: NodeJS.ProcessEnv = process.env,
): { bundle: string } | { dir: string } {
  const bundle = env[DEPLOYMENT_BUNDLE_ENV];
  if (bundle) return { bundle: resolve(env.LAMBDA_TASK_ROOT ?? process.cwd(), bundle) };
  return { dir: env[CONFIG_DIR_ENV] || DEFAULT_CONFIG_DIR };
}

let active: RawDeployment | undefined;

/** This process's configuration, read once, raw. */
export function activeSource(): RawDeployment {
  if (!active) {
    const from = configurationSource();
    active = 'bundle' in from ? readBundleFile(from.bundle) : readConfigFolder(from.dir);
  }
  return active;
}
