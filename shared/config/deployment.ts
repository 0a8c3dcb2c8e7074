// A deployment's own configuration: one folder of data that teaches the desk its products and
// promises — routing rules, knowledge-base articles, the vendor catalogue, SLA policies, team
// calendars and addresses, desk policy. The project ships config/default (generic IT) and
// config/examples/*; `npm start` reads TIERDESK_CONFIG_DIR, `cdk deploy` the context value
// tierdesk:configDir.
//
// The folder is read and validated whole, and every problem is reported at once with its file
// and field, so start and synth stop before anything runs on a broken configuration. In Lambda
// there is no folder: synth compiles it into one JSON bundle (with the search indexes already
// built) that ships inside each function's asset, named by TIERDESK_DEPLOYMENT_BUNDLE.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { BusinessCalendar } from '../domain/business-calendar.ts';
import { translationsOf } from '../domain/classification/it-vocabulary.ts';
import {
  compileRoutingRules,
  type RoutingRule,
  RoutingRulesFileSchema,
} from '../domain/classification/routing-rules.ts';
import { parseConfig } from '../domain/config-file.ts';
import { type DeskPolicy, parseDeskPolicy } from '../domain/desk-policy.ts';
import { parseSlaPolicy, type SlaPolicy } from '../domain/sla-policy.ts';
import { LANGUAGES, type QueuedLevel } from '../domain/support-model.ts';
import { parseTeamCalendars } from '../domain/team-calendars.ts';
import { parseTeams, type Teams } from '../domain/teams.ts';
import { parseVendorCatalogue, type Vendor } from '../domain/vendor-catalogue.ts';
import { type Article, ArticleSchema } from '../knowledge-base/article.ts';
import { KnowledgeBase, type SerializedKnowledgeBase } from '../knowledge-base/knowledge-base.ts';

/** The files of a configuration folder; articles are one file a language under articles/. */
export const CONFIG_FILES = {
  routingRules: 'routing-rules.json',
  vendors: 'vendor-catalogue.json',
  slaPolicy: 'sla-policy.json',
  calendars: 'team-calendars.json',
  teams: 'teams.json',
  deskPolicy: 'desk-policy.json',
} as const;
type ConfigKey = keyof typeof CONFIG_FILES;

export const DEFAULT_CONFIG_DIR = resolve(import.meta.dirname, '../../config/default');
/** Names the compiled bundle inside a Lambda asset (relative to LAMBDA_TASK_ROOT). */
export const DEPLOYMENT_BUNDLE_ENV = 'TIERDESK_DEPLOYMENT_BUNDLE';
export const CONFIG_DIR_ENV = 'TIERDESK_CONFIG_DIR';
export const BUNDLE_FILE = 'deployment.json';

export type Deployment = {
  /** Where it came from, as messages name it (a folder, or the bundle synth made of one). */
  source: string;
  routingRules: RoutingRule[];
  vendors: Vendor[];
  slaPolicy: SlaPolicy;
  calendars: Record<QueuedLevel, BusinessCalendar>;
  teams: Teams;
  deskPolicy: DeskPolicy;
  articles: Article[];
  /** The search indexes built at synth; built on first use when read from a folder. */
  kbIndex?: SerializedKnowledgeBase;
};

/** The raw folder, as synth ships it: the files' JSON, the articles, the built indexes. */
type Bundle = {
  source: string;
  files: Record<ConfigKey, unknown>;
  articles: unknown[];
  kbIndex: SerializedKnowledgeBase;
};

export class DeploymentConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(
      `the configuration in ${source} is not valid (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.name = 'DeploymentConfigError';
  }
}

/** A path as messages show it: relative to the working directory when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Reads and validates a configuration folder; every problem is reported at once. */
export function readDeployment(dir: string): Deployment {
  const folder = resolve(dir);
  const source = shown(folder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new DeploymentConfigError(source, [`${source}: not a folder`]);
  }
  const problems: string[] = [];
  const files = {} as Record<ConfigKey, unknown>;
  for (const [key, file] of Object.entries(CONFIG_FILES) as Array<[ConfigKey, string]>) {
    files[key] = readJson(join(folder, file), `${source}/${file}`, problems);
  }
  const articles: unknown[] = [];
  for (const language of LANGUAGES) {
    const file = `articles/${language}.json`;
    const raw = readJson(join(folder, file), `${source}/${file}`, problems);
    if (raw === undefined) continue;
    if (!Array.isArray(raw)) problems.push(`${source}/${file}: (root): expected an array of articles`);
    else articles.push(...raw.map((article) => ({ ...article, __file: file })));
  }
  return validate(source, files, articles, problems);
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

function validate(
  source: string,
  files: Partial<Record<ConfigKey, unknown>>,
  rawArticles: readonly unknown[],
  problems: string[] = [],
): Deployment {
  const parse = <T>(key: ConfigKey, parser: (raw: unknown, where: string) => T): T | undefined => {
    if (files[key] === undefined) return undefined; // already reported
    try {
      return parser(files[key], `${source}/${CONFIG_FILES[key]}`);
    } catch (error) {
      problems.push((error as Error).message);
      return undefined;
    }
  };
  const routingRules = parse(
    'routingRules',
    (raw, where) => parseConfig(RoutingRulesFileSchema, raw, where).rules,
  );
  const vendors = parse('vendors', parseVendorCatalogue);
  const slaPolicy = parse('slaPolicy', parseSlaPolicy);
  const calendars = parse('calendars', parseTeamCalendars);
  const teams = parse('teams', parseTeams);
  const deskPolicy = parse('deskPolicy', parseDeskPolicy);
  const articles = articlesOf(source, rawArticles, problems);
  if (problems.length > 0) throw new DeploymentConfigError(source, problems);
  return {
    source,
    routingRules: routingRules as RoutingRule[],
    vendors: vendors as Vendor[],
    slaPolicy: slaPolicy as SlaPolicy,
    calendars: calendars as Record<QueuedLevel, BusinessCalendar>,
    teams: teams as Teams,
    deskPolicy: deskPolicy as DeskPolicy,
    articles,
  };
}

/** Articles valid one by one, and each id in all six languages (the desk answers in each). */
function articlesOf(source: string, raw: readonly unknown[], problems: string[]): Article[] {
  const articles: Article[] = [];
  const counters = new Map<string, number>();
  for (const item of raw) {
    const { __file: file, ...fields } = item as { __file?: string };
    const index = counters.get(file ?? '') ?? 0;
    counters.set(file ?? '', index + 1);
    const parsed = ArticleSchema.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(
        `${source}/${file ?? 'articles'}: [${index}].${issue?.path.join('.')}: ${issue?.message}`,
      );
    } else if (file && file !== `articles/${parsed.data.lang}.json`) {
      problems.push(
        `${source}/${file}: [${index}].lang: '${parsed.data.lang}' in the file of another language`,
      );
    } else {
      articles.push(parsed.data);
    }
  }
  const ids = new Set(articles.map((a) => a.id));
  for (const language of LANGUAGES) {
    const mine = new Set(articles.filter((a) => a.lang === language).map((a) => a.id));
    const lacking = [...ids].filter((id) => !mine.has(id));
    if (lacking.length > 0)
      problems.push(
        `${source}/articles/${language}.json: lacks ${lacking.join(', ')} (every article is needed in all six languages)`,
      );
  }
  return articles;
}

/** The folder as one JSON bundle for Lambda, with the search indexes built now (synth). */
export function compileDeployment(dir: string): { deployment: Deployment; bundle: string } {
  const deployment = readDeployment(dir);
  const kbIndex = KnowledgeBase.build(deployment.articles).serialize();
  const bundle: Bundle = {
    source: deployment.source,
    files: Object.fromEntries(
      (Object.entries(CONFIG_FILES) as Array<[ConfigKey, string]>).map(([key, file]) => [
        key,
        JSON.parse(readFileSync(join(resolve(dir), file), 'utf8')),
      ]),
    ) as Record<ConfigKey, unknown>,
    articles: deployment.articles,
    kbIndex,
  };
  return { deployment: { ...deployment, kbIndex }, bundle: JSON.stringify(bundle) };
}

/** A bundle compileDeployment wrote, as a function reads it from its asset. */
export function readBundle(path: string): Deployment {
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Bundle;
  return {
    ...validate(`${bundle.source} (bundled)`, bundle.files, bundle.articles),
    kbIndex: bundle.kbIndex,
  };
}

/** Where this process takes its configuration from: a bundle in Lambda, else a folder. */
export function configurationSource(
  env: NodeJS.ProcessEnv = process.env,
): { bundle: string } | { dir: string } {
  const bundle = env[DEPLOYMENT_BUNDLE_ENV];
  if (bundle) return { bundle: resolve(env.LAMBDA_TASK_ROOT ?? process.cwd(), bundle) };
  return { dir: env[CONFIG_DIR_ENV] || DEFAULT_CONFIG_DIR };
}

let active: Deployment | undefined;

/** This process's deployment, read once. A broken one throws DeploymentConfigError. */
export function activeDeployment(): Deployment {
  if (!active) {
    const from = configurationSource();
    active = 'bundle' in from ? readBundle(from.bundle) : readDeployment(from.dir);
  }
  return active;
}

const knowledgeBases = new WeakMap<Deployment, KnowledgeBase>();

/** The deployment's search indexes: loaded as synth built them, or built from its articles. */
export function knowledgeBaseOf(deployment: Deployment): KnowledgeBase {
  let kb = knowledgeBases.get(deployment);
  if (!kb) {
    kb = deployment.kbIndex
      ? KnowledgeBase.load(deployment.kbIndex)
      : KnowledgeBase.build(deployment.articles);
    knowledgeBases.set(deployment, kb);
  }
  return kb;
}

/** The deployment's routing rules as the classifier runs them (single words translated). */
export function compiledRulesOf(deployment: Deployment) {
  return compileRoutingRules(deployment.routingRules, translationsOf);
}
