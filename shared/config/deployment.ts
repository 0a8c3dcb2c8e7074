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

import type { BusinessCalendar } from '../domain/business-calendar.ts';
import { type RoutingRule, RoutingRulesFileSchema } from '../domain/classification/routing-rules.ts';
import { parseConfig } from '../domain/config-file.ts';
import { type DeskPolicy, parseDeskPolicy } from '../domain/desk-policy.ts';
import { parseSlaPolicy, type SlaPolicy } from '../domain/sla-policy.ts';
import { LANGUAGES, type QueuedLevel } from '../domain/support-model.ts';
import { parseTeamCalendars } from '../domain/team-calendars.ts';
import { parseTeams, type Teams } from '../domain/teams.ts';
import { parseVendorCatalogue, type Vendor } from '../domain/vendor-catalogue.ts';
import { type Article, ArticleSchema } from '../knowledge-base/article.ts';
import { KnowledgeBase, type SerializedKnowledgeBase } from '../knowledge-base/knowledge-base.ts';
import {
  activeSource,
  CONFIG_FILES,
  type ConfigKey,
  type RawDeployment,
  readBundleFile,
  readConfigFolder,
} from './deployment-source.ts';

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

/** Reads and validates a configuration folder; every problem is reported at once. */
export function readDeployment(dir: string): Deployment {
  return validateDeployment(readConfigFolder(dir));
}

/** A bundle compileDeployment wrote, validated again as a function reads it. */
export function readBundle(path: string): Deployment {
  return validateDeployment(readBundleFile(path));
}

export function validateDeployment(raw: RawDeployment): Deployment {
  const { source, files } = raw;
  const problems = [...raw.problems];
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
  const articles = articlesOf(source, raw.articles, problems);
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
    ...(raw.kbIndex ? { kbIndex: raw.kbIndex } : {}),
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

/** The folder as one JSON bundle for Lambda, validated, with the search indexes built now (synth). */
export function compileDeployment(dir: string): { deployment: Deployment; bundle: string } {
  const raw = readConfigFolder(dir);
  const deployment = validateDeployment(raw);
  const kbIndex = KnowledgeBase.build(deployment.articles).serialize();
  const bundle: Omit<RawDeployment, 'problems'> = {
    source: deployment.source,
    files: raw.files,
    articles: deployment.articles,
    kbIndex,
  };
  return { deployment: { ...deployment, kbIndex }, bundle: JSON.stringify(bundle) };
}

let active: Deployment | undefined;

/** This process's deployment, read and validated once. A broken one throws DeploymentConfigError. */
export function activeDeployment(): Deployment {
  active ??= validateDeployment(activeSource());
  return active;
}
