// The classifier: pure, fast and explainable. It reads the customer's words through a
// multilingual lexicon (signal-lexicon.ts), asks the knowledge base whether an article
// answers a how-to question, checks the vendor catalogue, and derives category, impact,
// urgency, priority (ITIL matrix) and support level — with the reasons that decided.
// No I/O and no clock: the same input always gives the same verdict.
import type { ArticleHit } from '../../knowledge-base/knowledge-base.ts';
import { type Fact, missingFactsFor, type ProblemKind } from '../required-facts.ts';
import type { Classification } from '../support-case.ts';
import {
  CATEGORIES,
  type Category,
  type Grade,
  type Language,
  type Level,
  type Priority,
  priorityOf,
} from '../support-model.ts';
import type { Vendor } from '../vendor-catalogue.ts';
import { factsInText } from './fact-reading.ts';
import type { LanguageDetector, LanguageHints } from './language-detector.ts';
import { paragraphsOf } from './mail-text.ts';
import { type CompiledRule, RULE_PREFIX } from './rule-compiler.ts';
import { type Kind, SIGNALS, type SignalDefinition } from './signal-lexicon.ts';
import { longestMatches, TermMatcher, tokensOf } from './term-matcher.ts';
import { contentWords } from './text-normalizer.ts';

export const CLASSIFIER_VERSION = 'lexicon-2026.12.2';

/** What the classifier reads: the words, and the few form fields that carry judgement. */
export type ClassifierInput = {
  subject: string;
  description: string;
  errorText?: string;
  product?: string;
  asset?: string;
  version?: string;
  steps?: string;
  since?: string;
  affectedUsers?: number;
  impact?: Grade;
  urgency?: Grade;
  phone?: string;
  language?: LanguageHints;
  /**
   * Who stated impact, urgency and people affected: the customer on a form (a statement, weighed
   * against the text) or an agent (a telephone case: taken as stated). The customer by default.
   */
  statedBy?: 'customer' | 'agent';
};

export type Verdict = Pick<
  Classification,
  | 'language'
  | 'category'
  | 'impact'
  | 'urgency'
  | 'priority'
  | 'level'
  | 'confidence'
  | 'reasons'
  | 'articles'
> & {
  kind: ProblemKind;
  /**
   * Level 4 only: the catalogued vendor that maintains the item named (vendor-catalogue.ts). A
   * case stores its id as `Classification.vendorId`; the catalogue's `vendorById` gives the rest.
   */
  vendorId?: string;
  vendor?: { id: string; name: string };
  missingFacts: Fact[];
  /**
   * The evidence: every signal that fired (`printer`: the built-in lexicon; `rule:<id>`: the
   * deployment's routing rules) with the words of the text that matched it.
   */
  matched: Array<{ rule: string; words: string[] }>;
};

export type ArticleSearch = (query: string, language: Language) => ArticleHit[];

/** Below this confidence a person triages: the case goes to level 1. */
export const TRIAGE_THRESHOLD = 0.45;
/**
 * An article answers a how-to question when it matches at least this share of the question's
 * topic words (its words without "how", "can", "my" …). Search scores are not comparable across
 * queries (they grow with the query's length and the words' rarity), so the bar is relative.
 */
const ARTICLE_COVERAGE = 0.5;
/**
 * A short statement that is neither a fault nor the ticket desk's ("I forgot my password.",
 * "Mein Konto ist gesperrt.") is searched too: a web form asks POST /triage while the customer
 * types, and the classic self-help topics are mostly written that way. Up to this many topic
 * words: a longer text without a question is rarely covered by one article, and the search is
 * the classifier's most expensive step.
 */
const STATEMENT_TOPIC_WORDS = 6;
/**
 * A statement did not ask anything, so the bar is higher than for a question: the article must
 * match at least this share of its topic words, and at least two of them …
 */
const STATEMENT_COVERAGE = 0.65;
/** … and clearly beat the next article (1 − next score / top score). */
const STATEMENT_MARGIN = 0.5;
/**
 * A long question ("Wie richte ich in Outlook eine automatische Antwort ein, die … und auch
 * externen Absendern mitteilt, dass …?") carries details that no article repeats. An article
 * that matches at least this many of its topic words and clearly beats the next article
 * (ARTICLE_LEAD) answers it too, even below ARTICLE_COVERAGE.
 */
const STRONG_MATCH = 5;
const ARTICLE_LEAD = 0.6;
/**
 * The subject and the first paragraph of a mail say what it is about; the paragraphs after it
 * tell the story (what was tried, who else, when), where words turn up in passing ("I restarted
 * it twice", "my colleagues' Teams works fine"). A signal found only there votes with this weight.
 */
const REST_WEIGHT = 0.5;
const GRADE_RANK: Record<Grade, number> = { low: 0, medium: 1, high: 2 };
/** A fault of one of these hits more than its reporter. */
const SHARED_SYSTEMS = new Set([
  'integration',
  'batch-job',
  'performance-system',
  'data-wrong',
  'network-gear',
  'storage-appliance',
]);
/** Requests that belong to the ticket desk even when phrased as a how-to question. */
const TICKET_DESK = new Set(['billing', 'charged-twice', 'people-change', 'name-change']);
/** Purchases: an order is not urgent by itself, even for a new colleague. */
const PURCHASE = new Set(['licence', 'order', 'billing']);
/** Urgency that a problem has, not a how-to question: customers or orders are hit. */
const PROBLEM_URGENCY = new Set(['customers-affected']);
/** Urgency the customer states in words of its own, not read from circumstances. */
const SAID_OUTRIGHT = new Set(['urgent', 'not-urgent']);
/**
 * Harm to the organisation said in words (operations, revenue, a breach, data loss): high impact
 * whoever reports it, a question or request included ("Possible data breach – please call me").
 */
const ORGANISATION_HARM = new Set(['business-impact', 'security-incident']);
/**
 * Places or customers counted ("our 12 stores", "alle 3 Filialen", "200 clientes"): a fault that
 * reaches two or more of them hits the business, not one person.
 */
const COUNTED_PLACES =
  /(?<![\p{L}\p{N}])(\d{1,6})\s+(?:stores|shops|branches|sites|locations|offices|plants|customers|clients|filialen|standorte\w*|werke|kunden|winkels|vestigingen|klanten|magasins|agences|usines|tiendas|sucursales|oficinas|almacenes|clientes|магазин\w*|филиал\w*|клиент\w*)(?!\p{L})/iu;
/** What can be paid twice. */
const PAYMENT = ['billing', 'licence', 'order'];
/** Requests that block somebody's work until they are done. */
const WORK_WAITS_ON = new Set(['account-access', 'people-change']);
const AFFECTED_COUNT =
  /\b(\d{1,6})\s+(?:users?|people|persons?|colleagues|employees|staff|benutzer\w*|mitarbeiter\w*|kolleg\w*|personen|gebruikers|medewerkers|collega'?s|personnes|utilisateurs|collègues|employés|usuarios|personas|compañeros|empleados|пользовател\w*|сотрудник\w*|человек|коллег\w*)/iu;

type Signal = SignalDefinition;
type Fired = { signal: Signal; terms: Set<string>; weight: number };
/** A vendor term as the matcher holds it: ambiguous ones need company (see vendor-catalogue.ts). */
type VendorTerm = { vendor: Vendor; ambiguous: boolean };
/** A vendor term found in the text, and whether it is evidence enough for level 4. */
type VendorHit = {
  vendor: Vendor;
  term: string;
  start: number;
  strong: boolean;
  /** What made an ambiguous term strong: another term of the vendor or a model number. */
  with?: string;
};

/**
 * An ambiguous vendor term ("brother", "Kyocera", "switch") counts for level 4 only when another
 * term of the same vendor or a model number stands within this many words of it ("our Brother
 * printer", "Drucker von Kyocera", "Ricoh MP C3004").
 */
const VENDOR_NEIGHBOURHOOD = 3;
/**
 * A model number: a few letters then three to five digits ("c3004", "l2350dw", "ms621",
 * "ex4300"), or three to five digits then a few letters ("3253ci", "2960x"). Ordinals ("2nd"),
 * times ("8am"), sizes ("100mb", "24h"), error codes ("0x8007…") and ticket numbers
 * ("inc0012345") are not models.
 */
const MODEL_NUMBER = /^(?:[a-z]{1,5}\d{3,5}[a-z]{0,3}|\d{3,5}[a-z]{1,3})$/;
const NOT_A_MODEL = /^\d+(?:st|nd|rd|th|am|pm|h|hr|hrs|min|ms|s|kb|mb|gb|tb|mhz|ghz|km|kg|px|dpi|ppm)$/;
/** A bare number is a model only right after the term ("Cisco 2960") and not a year ("Brother 2024"). */
const BARE_MODEL_NUMBER = /^\d{3,5}$/;
const YEAR = /^(?:19|20)\d\d$/;

export class Classifier {
  private readonly signals = new TermMatcher<Signal>();
  private readonly vendors = new TermMatcher<VendorTerm>();
  /** Terms of which one must appear beside a deployment rule for it to count (its `with`). */
  private readonly companions = new TermMatcher<string>();
  private readonly needsCompanion = new Set<string>();

  constructor(
    private readonly languages: LanguageDetector,
    private readonly searchArticles: ArticleSearch,
    vendorCatalogue: readonly Vendor[],
    rules: readonly CompiledRule[] = [],
  ) {
    for (const signal of SIGNALS) this.signals.add(signal.terms, signal);
    // The deployment's own rules join the lexicon: one pass over the text finds both.
    for (const { signal, companions } of rules) {
      this.signals.add(signal.terms, signal);
      if (companions) {
        this.companions.add(companions, signal.id);
        this.needsCompanion.add(signal.id);
      }
    }
    for (const vendor of vendorCatalogue) {
      const ambiguous = new Set(vendor.ambiguous ?? []);
      const terms = vendor.terms.split(/\s+/).filter(Boolean);
      const sure = terms.filter((term) => !ambiguous.has(term));
      const unsure = terms.filter((term) => ambiguous.has(term));
      if (sure.length) this.vendors.add(sure.join(' '), { vendor, ambiguous: false });
      if (unsure.length) this.vendors.add(unsure.join(' '), { vendor, ambiguous: true });
    }
  }

  classify(input: ClassifierInput): Verdict {
    const reasons: string[] = [];
    const text = [
      input.subject,
      input.description,
      input.errorText ?? '',
      input.product ?? '',
      input.asset ?? '',
    ].join('\n');
    const language = this.languages.detect(`${input.subject}\n${input.description}`, input.language);
    reasons.push(`language ${language.language}: ${language.reason}`);

    // What the customer wrote: the body without greeting, sign-off, signature and quoted thread.
    // The subject and the first paragraph (the lead) say what the request is; the rest tells
    // its story and votes with less weight.
    const paragraphs = paragraphsOf(input.description);
    const lead = [
      input.subject,
      paragraphs[0] ?? '',
      input.errorText ?? '',
      input.product ?? '',
      input.asset ?? '',
    ].join('\n');
    const rest = paragraphs.slice(1).join('\n');
    const written = `${input.subject}\n${paragraphs.join('\n')}`;
    const fired = new Map<string, Fired>();
    // A phrase outvotes the words inside it ("seit dem Update" is a defect, not a deadline),
    // but every match is evidence of a fact the customer gave: "seit" still says since when.
    const factsSaid = new Set<Fact>();
    const read = (part: string, weight: number): string[] => {
      const tokens = tokensOf(part);
      const matches = this.signals.match(tokens);
      for (const { value } of matches) if (value.fact) factsSaid.add(value.fact);
      for (const { value, term } of longestMatches(matches)) {
        const entry = fired.get(value.id) ?? { signal: value, terms: new Set<string>(), weight };
        entry.terms.add(term);
        entry.weight = Math.max(entry.weight, weight);
        fired.set(value.id, entry);
      }
      return tokens;
    };
    const tokens = read(lead, 1);
    const leadTokens = tokens.length;
    if (rest) tokens.push(...read(rest, REST_WEIGHT));
    // "Twice", "zweimal", "dos veces" say that a payment went wrong only when a payment is named
    // ("I restarted it twice" is not one).
    if (fired.has('charged-twice') && !PAYMENT.some((id) => fired.has(id))) fired.delete('charged-twice');
    // A deployment rule with `with` counts only when one of those terms is in the text too.
    if (this.needsCompanion.size > 0) {
      const present = new Set(this.companions.match(tokens).map(({ value }) => value));
      for (const id of this.needsCompanion) if (fired.has(id) && !present.has(id)) fired.delete(id);
    }
    for (const entry of fired.values())
      if (entry.signal.id.startsWith(RULE_PREFIX))
        reasons.push(`${entry.signal.reason} (matched ${citedTerms(entry)})`);
    const signals = [...fired.values()];
    const has = (id: string) => fired.has(id);

    // ── kind of request ──
    const kindScore: Record<Kind, number> = { howto: 0, request: 0, fault: 0 };
    // What kind of request it is counts wherever it is said: a mail's question often comes after
    // its context.
    for (const { signal } of signals)
      for (const [k, w] of Object.entries(signal.kind ?? {})) kindScore[k as Kind] += w;
    if (/\?\s*$/.test(input.subject.trim()) || /\?\s*$/.test(paragraphs.at(-1) ?? '')) kindScore.howto += 1;
    if (input.errorText) kindScore.fault += 2;

    // ── category ──
    const categoryScore: Record<Category, number> = { hardware: 0, software: 0, service: 0 };
    for (const { signal, weight } of signals) {
      for (const [c, w] of Object.entries(signal.category ?? {})) categoryScore[c as Category] += w * weight;
    }

    // ── vendor catalogue ──
    // Level 4 needs strong evidence: a term that names a maintained item as such ("printer",
    // "LaserJet", "FortiGate"), or an ambiguous one ("brother", "Kyocera", "switch") with another
    // term of its vendor or a model number next to it. An ambiguous term alone ("my brother
    // cannot log in") only hints at the category.
    const vendorHits = this.vendorHitsIn(tokens);
    const vendorHit = vendorHits.find((hit) => hit.strong);
    const vendor = vendorHit?.vendor;
    if (!vendorHit) {
      // Each vendor named hints once at its category, with the weight of where it is named.
      const hint = new Map<Vendor, number>();
      const said = new Set<string>();
      for (const hit of vendorHits) {
        const weight = hit.start < leadTokens ? 1 : REST_WEIGHT;
        hint.set(hit.vendor, Math.max(hint.get(hit.vendor) ?? 0, weight));
        const text = termText(hit.term);
        if (said.has(text)) continue;
        said.add(text);
        reasons.push(
          `vendor term '${text}' (${hit.vendor.name}) without a device, brand or model next to it: not level 4`,
        );
      }
      for (const [{ category }, weight] of hint) categoryScore[category] += weight;
    }
    // "The Ricoh says toner empty": a report about a maintained item that neither asks nor
    // orders anything reports a fault, even without a fault word.
    if (vendorHit && kindScore.howto === 0 && kindScore.request === 0 && kindScore.fault === 0) {
      kindScore.fault += 1;
      reasons.push(`a report about ${evidenceText(vendorHit)}: read as a fault`);
    }

    // ── impact and urgency ──
    const isFault = kindScore.fault > 0 && kindScore.fault >= kindScore.howto;
    // Impact and urgency from what the text shows; what a form states is weighed after (below).
    const agentStated = input.statedBy === 'agent';
    const evidence: ClassifierInput = agentStated
      ? input
      : { ...input, impact: undefined, urgency: undefined, affectedUsers: undefined };
    const impact = this.impactOf(evidence, written, signals, isFault, vendor, reasons);
    const isHowTo = kindScore.howto >= 2 && kindScore.howto > kindScore.fault;
    const urgency = this.urgencyOf(evidence, signals, isFault, isHowTo, impact, reasons);
    const fromText = priorityOf(impact, urgency);
    reasons.push(`priority ${fromText}: impact ${impact} × urgency ${urgency}`);
    const priority = agentStated ? fromText : weighStatement(input, impact, urgency, isFault, reasons);

    // ── level ──
    // The deployment's own rules outrank the lexicon here too: where a rule that names a level
    // fired, the ticket desk claims the request only if a rule sends it to level 1 (an
    // accounting product's how-to names invoices and VAT without being the billing desk's).
    const rulesFired = signals.filter(({ signal }) => signal.id.startsWith(RULE_PREFIX) && signal.level);
    const ticketDesk =
      rulesFired.length > 0
        ? rulesFired.find(({ signal }) => signal.level?.[1])
        : signals.find(({ signal }) => TICKET_DESK.has(signal.id));
    // The search is the classifier's most expensive step, so it runs only for a question, or
    // for a short statement that reports no fault and is not the ticket desk's. It searches with
    // the topic words, so that the number of words an article matches says how much of the
    // request it covers.
    const asks = kindScore.howto > 0;
    const mayBeSelfHelp = !isHowTo && kindScore.fault === 0 && !ticketDesk;
    // A question is searched with what it asks (in a long mail: its question, not the story
    // around it); a statement with all it says.
    const ask = asks ? askOf(input.subject, paragraphs) : undefined;
    const topic = ask ? contentWords(ask.text) : mayBeSelfHelp ? contentWords(written) : undefined;
    const statement = mayBeSelfHelp && topic !== undefined && topic.distinct <= STATEMENT_TOPIC_WORDS;
    let searched: ArticleHit[] = [];
    let coverage = 0;
    let margin = 0;
    const topicWords = topic?.distinct ?? 0;
    if (topic && topicWords > 0 && (asks || statement)) {
      searched = this.searchArticles(topic.words.join(' '), language.language);
      const [top, next] = searched;
      if (top && top.score > 0) {
        coverage = Math.min(1, top.matchedTerms / topicWords);
        margin = 1 - (next?.score ?? 0) / top.score;
      }
    }
    // A long question that one article matches in many words, well ahead of the next article.
    const strongLead =
      ask?.question === true && (searched[0]?.matchedTerms ?? 0) >= STRONG_MATCH && margin >= ARTICLE_LEAD;
    const bestArticle = searched[0];
    // A statement is covered when one article matches most of its topic words and clearly
    // beats the next; it is self-help only when nothing in it asks for more than the article
    // gives (a word voting for level 2 or 3: an installer, a sync, a security incident).
    const statementCovered =
      statement &&
      bestArticle !== undefined &&
      bestArticle.matchedTerms >= 2 &&
      coverage >= STATEMENT_COVERAGE &&
      margin >= STATEMENT_MARGIN;
    const beyondSelfHelp = signals.some(({ signal }) => signal.level?.[2] || signal.level?.[3]);
    const statementAnswered = statementCovered && !beyondSelfHelp;
    const questionAnswered =
      isHowTo && bestArticle !== undefined && (coverage >= ARTICLE_COVERAGE || strongLead);
    // Only articles that answer the request are worth showing, at any level: for a question,
    // those that match at least half of its topic words; for a statement, the one that covers it.
    const articles = statement
      ? statementCovered && bestArticle
        ? [bestArticle]
        : []
      : searched.filter((a, i) => a.matchedTerms >= ARTICLE_COVERAGE * topicWords || (i === 0 && strongLead));

    const levelScore: Record<1 | 2 | 3, number> = { 1: 0.5, 2: 0, 3: 0 };
    for (const { signal, weight } of signals)
      for (const [l, w] of Object.entries(signal.level ?? {}))
        levelScore[Number(l) as 1 | 2 | 3] += w * weight;
    if (isFault) levelScore[2] += 1.5;
    if (impact === 'high' && isFault) levelScore[3] += 2;

    let level: Level;
    let confidence: number;
    let kind: ProblemKind;
    const matched = bestArticle
      ? `"${bestArticle.title}" matches ${bestArticle.matchedTerms} of its ${topicWords} topic words`
      : '';
    if ((questionAnswered || statementAnswered) && !isFault && !ticketDesk && bestArticle) {
      level = 0;
      kind = 'how-to';
      // Evidence: how much of the request the article covers, and how clearly it beats the next.
      confidence = Math.min(0.95, 0.4 + 0.35 * coverage + 0.2 * margin);
      reasons.push(
        questionAnswered
          ? `level 0: a how-to question that an article answers: ${matched}`
          : `level 0: a self-help topic that an article covers: ${matched}`,
      );
    } else if (
      vendor &&
      (isFault || kindScore.request > 0 || !isHowTo) &&
      // Billing and orders about a maintained item are the ticket desk's; its faults are not.
      (isFault || (!ticketDesk && !has('order')))
    ) {
      level = 4;
      kind = 'vendor-item';
      // The catalogue names the item; how sure we are that it needs its vendor grows with the
      // evidence of a fault (a question or an order about it is less clearly the vendor's).
      confidence = isFault ? 0.6 + 0.25 * Math.min(1, kindScore.fault / 4) : 0.55;
      reasons.push(
        `level 4: ${vendor.name} maintains ${vendorHit ? evidenceText(vendorHit) : 'this item'} (${vendor.maintains})`,
      );
    } else {
      const ranked = (Object.entries(levelScore) as Array<[string, number]>).sort((a, b) => b[1] - a[1]);
      const [topLevel, topScore] = ranked[0] as [string, number];
      const second = ranked[1]?.[1] ?? 0;
      level = Number(topLevel) as Level;
      // The winner's lead over the runner-up, relative to its own weight: 0.45 for a tie,
      // approaching 0.9 for a long lead over nothing.
      confidence = topScore <= 0.5 ? 0.4 : 0.45 + (0.45 * (topScore - second)) / (topScore + 1);
      kind = kindOf(
        level,
        isFault && impact === 'high' && (has('many-users') || has('nobody-can')),
        isFault,
        kindScore,
        categoryScore,
      );
      const why = signals
        .filter(({ signal }) => signal.level?.[level as 1 | 2 | 3])
        .map(({ signal }) => signal.reason);
      reasons.push(
        `level ${level}: ${why.length ? why.join('; ') : isFault ? 'a technical fault' : 'a general request'}`,
      );
      if (isHowTo && bestArticle && !isFault) {
        reasons.push(
          ticketDesk
            ? `not self-help: ${ticketDesk.signal.reason} is the ticket desk's work`
            : `no article answers it: ${matched}`,
        );
      } else if (statementCovered) {
        reasons.push(`not self-help, though ${matched}: the request needs more than the article gives`);
      }
      if (confidence < TRIAGE_THRESHOLD && level !== 1) {
        reasons.push(`confidence ${confidence.toFixed(2)} is low: a person at level 1 triages it`);
        level = 1;
      }
    }

    const category =
      level === 0 && articles[0]
        ? this.fixedCategory(
            articles[0].category,
            `the article "${articles[0].title}" is about ${articles[0].category}`,
            reasons,
          )
        : level === 4 && vendor
          ? this.fixedCategory(
              vendor.category,
              `${vendor.name} maintains ${vendor.category === 'service' ? 'a system for us' : 'devices'}`,
              reasons,
            )
          : this.categoryOf(categoryScore, reasons);
    const needed = new Set(missingFactsFor(kind, level, new Set()));
    const found = this.factsFound(input, text, factsSaid, needed);
    const missingFacts = missingFactsFor(kind, level, found);
    return {
      language: language.language,
      category,
      impact,
      urgency,
      priority,
      level,
      kind,
      confidence: Math.round(confidence * 100) / 100,
      reasons,
      articles: articles
        .slice(0, 3)
        .map((a) => ({ id: a.id, title: a.title, summary: a.summary, score: a.score })),
      ...(vendor && level === 4 ? { vendorId: vendor.id, vendor: { id: vendor.id, name: vendor.name } } : {}),
      missingFacts,
      matched: [...fired.values()].map(({ signal, terms }) => ({
        rule: signal.id,
        words: [...terms].map(termText),
      })),
    };
  }

  /**
   * The vendor terms in the text, in its order, each with whether it is strong evidence: an
   * unambiguous term is; an ambiguous one when another term of the same vendor or a model number
   * stands within VENDOR_NEIGHBOURHOOD words of it.
   */
  private vendorHitsIn(tokens: readonly string[]): VendorHit[] {
    const matches = this.vendors.match(tokens);
    return matches.map(({ value, term, start, end }): VendorHit => {
      const hit = { vendor: value.vendor, term, start };
      if (!value.ambiguous) return { ...hit, strong: true };
      const near = (s: number, e: number) =>
        s < end + VENDOR_NEIGHBOURHOOD && e > start - VENDOR_NEIGHBOURHOOD && (s !== start || e !== end);
      const companion = matches.find(
        (other) => other.value.vendor === value.vendor && other.term !== term && near(other.start, other.end),
      );
      if (companion) return { ...hit, strong: true, with: termText(companion.term) };
      const from = Math.max(0, start - VENDOR_NEIGHBOURHOOD);
      const to = Math.min(tokens.length, end + VENDOR_NEIGHBOURHOOD);
      for (let i = from; i < to; i++) {
        if (i >= start && i < end) continue;
        const token = tokens[i] as string;
        const model =
          (MODEL_NUMBER.test(token) && !NOT_A_MODEL.test(token)) ||
          (i === end && BARE_MODEL_NUMBER.test(token) && !YEAR.test(token));
        if (model) return { ...hit, strong: true, with: `model ${token}` };
      }
      return { ...hit, strong: false };
    });
  }

  private impactOf(
    input: ClassifierInput,
    text: string,
    signals: Fired[],
    isFault: boolean,
    vendor: Vendor | undefined,
    reasons: string[],
  ): Grade {
    if (input.impact) {
      reasons.push(`impact ${input.impact}: as the customer stated`);
      return input.impact;
    }
    const byCount = (counted: number): Grade => {
      const grade: Grade = counted >= 20 ? 'high' : counted >= 3 ? 'medium' : 'low';
      reasons.push(`impact ${grade}: ${counted} people affected`);
      return grade;
    };
    if (input.affectedUsers !== undefined) return byCount(input.affectedUsers);
    // Harm to the business or its data, said in words, is high impact whoever writes and whatever
    // the request: the writer speaks for the organisation.
    const harm = signals.filter(({ signal }) => ORGANISATION_HARM.has(signal.id));
    if (harm.length > 0) {
      reasons.push(`impact high: ${harm.map((f) => `${f.signal.reason} (${citedTerms(f)})`).join('; ')}`);
      return 'high';
    }
    // Who is affected matters for faults; a request or a question concerns its writer
    // ("30 licences for our 25 users" counts seats, not people who cannot work).
    if (!isFault) {
      reasons.push('impact low: a request or question of one person');
      return 'low';
    }
    const counted = Number(AFFECTED_COUNT.exec(text)?.[1] ?? Number.NaN);
    if (Number.isFinite(counted)) return byCount(counted);
    const places = COUNTED_PLACES.exec(text);
    if (places && Number(places[1]) >= 2) {
      reasons.push(`impact high: the fault reaches '${places[0].trim()}'`);
      return 'high';
    }
    const onlyMe = signals.find(({ signal }) => signal.id === 'only-me');
    if (onlyMe) {
      reasons.push(`impact low: ${onlyMe.signal.reason} (${citedTerms(onlyMe)})`);
      return 'low';
    }
    let best: { grade: Grade; reason: string } | undefined;
    for (const fired of signals) {
      const { signal } = fired;
      if (!signal.impact) continue;
      if (!best || GRADE_RANK[signal.impact] > GRADE_RANK[best.grade])
        best = { grade: signal.impact, reason: `${signal.reason} (${citedTerms(fired)})` };
    }
    const shared =
      signals.find(({ signal }) => SHARED_SYSTEMS.has(signal.id))?.signal.reason ??
      // A system a third party runs for us (payroll, telephony) serves more than its reporter.
      (vendor?.category === 'service' ? `${vendor.name} runs it for us` : undefined);
    if (shared && (!best || best.grade === 'low')) {
      best = { grade: 'medium', reason: `a shared system fails (${shared})` };
    }
    if (best) {
      reasons.push(`impact ${best.grade}: ${best.reason}`);
      return best.grade;
    }
    reasons.push('impact low: one person, nothing says more are affected');
    return 'low';
  }

  private urgencyOf(
    input: ClassifierInput,
    signals: Fired[],
    isFault: boolean,
    isHowTo: boolean,
    impact: Grade,
    reasons: string[],
  ): Grade {
    if (input.urgency) {
      reasons.push(`urgency ${input.urgency}: as the customer stated`);
      return input.urgency;
    }
    // Customers waiting make a problem urgent; a how-to question that mentions customers ("while I
    // am away my colleague looks after my customers — how do I set up automatic replies?") is not.
    // What the customer says outright ("urgent", "dringend") counts wherever it is written; urgency
    // read from circumstances (a day, customers) needs the weight of the lead: in the story of a
    // mail they are often incidental ("today it happened twice", "I show it to clients").
    const said = (grade: Grade) => {
      const found = signals.filter(
        ({ signal }) =>
          signal.urgency === grade &&
          signal.id !== 'question' &&
          !(isHowTo && PROBLEM_URGENCY.has(signal.id)),
      );
      const weight = found.reduce(
        (sum, { signal, weight }) => sum + (SAID_OUTRIGHT.has(signal.id) ? 1 : weight),
        0,
      );
      return weight >= 1 ? found[0] : undefined;
    };
    // "not urgent" contains "urgent": the customer's explicit "not" wins.
    const notUrgent = signals.find(({ signal }) => signal.id === 'not-urgent');
    if (notUrgent) {
      reasons.push(`urgency low: ${notUrgent.signal.reason} (${citedTerms(notUrgent)})`);
      return 'low';
    }
    const high = said('high');
    if (high) {
      // Every word that says so, not just the first: "urgency high: 'dringend', 'audit'".
      const all = signals.filter(
        ({ signal }) => signal.urgency === 'high' && !(isHowTo && PROBLEM_URGENCY.has(signal.id)),
      );
      reasons.push(`urgency high: ${all.map((f) => `${f.signal.reason} (${citedTerms(f)})`).join('; ')}`);
      return 'high';
    }
    // A request for information ("I would like to know", "Informationen über") can wait.
    const asksInformation = signals.find(({ signal }) => signal.id === 'information-request');
    if (asksInformation && !isFault) {
      reasons.push(`urgency low: ${asksInformation.signal.reason} (${citedTerms(asksInformation)})`);
      return 'low';
    }
    if (isFault && impact === 'high') {
      reasons.push('urgency high: many people cannot work');
      return 'high';
    }
    const medium = said('medium');
    if (medium) {
      reasons.push(`urgency medium: ${medium.signal.reason} (${citedTerms(medium)})`);
      return 'medium';
    }
    if (isFault) {
      reasons.push('urgency medium: a fault that hinders work');
      return 'medium';
    }
    const waitsOn = signals.find(({ signal }) => WORK_WAITS_ON.has(signal.id));
    const purchase = signals.find(({ signal }) => PURCHASE.has(signal.id));
    if (purchase && waitsOn) {
      reasons.push(`urgency low: a purchase (${purchase.signal.reason})`);
      return 'low';
    }
    if (waitsOn && !signals.some(({ signal }) => signal.id === 'question' || signal.id === 'how-to')) {
      reasons.push(`urgency medium: someone's work waits on it (${waitsOn.signal.reason})`);
      return 'medium';
    }
    reasons.push('urgency low: a question or request');
    return 'low';
  }

  private fixedCategory(category: Category, why: string, reasons: string[]): Category {
    reasons.push(`category ${category}: ${why}`);
    return category;
  }

  private categoryOf(score: Record<Category, number>, reasons: string[]): Category {
    const ranked = [...CATEGORIES].sort((a, b) => score[b] - score[a]);
    const top = ranked[0] as Category;
    if (score[top] === 0) {
      reasons.push('category service: no device or software named');
      return 'service';
    }
    reasons.push(`category ${top}: ${CATEGORIES.map((c) => `${c} ${score[c]}`).join(', ')}`);
    return top;
  }

  /**
   * The facts a text gives — a later message of the customer — read as `classify` reads them,
   * so what they add takes those facts off the case's missing ones.
   */
  factsIn(input: ClassifierInput): ReadonlySet<Fact> {
    const text = [
      input.subject,
      input.description,
      input.errorText ?? '',
      input.product ?? '',
      input.asset ?? '',
    ].join('\n');
    const said = new Set<Fact>();
    for (const { value } of this.signals.match(tokensOf(text))) if (value.fact) said.add(value.fact);
    return this.factsFound(input, text, said);
  }

  private factsFound(
    input: ClassifierInput,
    text: string,
    factsSaid: ReadonlySet<Fact>,
    /** The facts the verdict needs (`classify`): only those are read. All of them without it. */
    wanted?: ReadonlySet<Fact>,
  ): Set<Fact> {
    // The lexicon's evidence (an application named, a scope word), then the patterns of
    // fact-reading.ts: product, version, device, error text, steps, since when, who, telephone.
    const found = new Set<Fact>(factsSaid);
    for (const fact of factsInText(text, wanted)) found.add(fact);
    const given: Array<[Fact, unknown]> = [
      ['phone', input.phone],
      ['product', input.product],
      ['version', input.version],
      ['asset', input.asset],
      ['errorText', input.errorText],
      ['steps', input.steps],
      ['since', input.since],
      ['affectedUsers', input.affectedUsers],
    ];
    for (const [fact, value] of given) if (value !== undefined && value !== '') found.add(fact);
    return found;
  }
}

const PRIORITY_ORDER = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;

/**
 * The customer's own statement on the form (impact, urgency, people affected) is a statement, not
 * a verdict: anyone can tick "high" twice and claim a 15-minute target. It may raise the priority
 * read from the text by one step at most, and to P1 only when the text shows an outage (a fault
 * of high impact); it may lower it by one step too (the customer knows what can wait, but a
 * mis-ticked "low" must not bury an outage the text describes). Only an agent sets a priority
 * outright (a telephone case, a correction).
 */
function weighStatement(
  input: ClassifierInput,
  impact: Grade,
  urgency: Grade,
  isFault: boolean,
  reasons: string[],
): Priority {
  const read = priorityOf(impact, urgency);
  const statedImpact =
    input.impact ??
    (input.affectedUsers === undefined
      ? undefined
      : input.affectedUsers >= 20
        ? 'high'
        : input.affectedUsers >= 3
          ? 'medium'
          : 'low');
  if (statedImpact === undefined && input.urgency === undefined) return read;
  const stated = priorityOf(statedImpact ?? impact, input.urgency ?? urgency);
  const said = [
    ...(statedImpact
      ? [
          `impact ${statedImpact}${input.affectedUsers !== undefined && !input.impact ? ` (${input.affectedUsers} people)` : ''}`,
        ]
      : []),
    ...(input.urgency ? [`urgency ${input.urgency}`] : []),
  ].join(', ');
  const rank = (p: Priority) => PRIORITY_ORDER.indexOf(p);
  if (rank(stated) >= rank(read)) {
    const lowered = PRIORITY_ORDER[Math.min(rank(stated), rank(read) + 1)] as Priority;
    if (stated !== read)
      reasons.push(`the customer stated ${said} (${stated}): lowered one step at most, ${read} → ${lowered}`);
    return lowered;
  }
  let raised = PRIORITY_ORDER[Math.max(rank(stated), rank(read) - 1)] as Priority;
  const outage = isFault && impact === 'high';
  if (raised === 'P1' && !outage) raised = 'P2';
  reasons.push(
    raised === read
      ? `the customer stated ${said} (${stated}); without an outage in the text it stays ${read}: only an agent sets P1 then`
      : `the customer stated ${said} (${stated}): raised one step, ${read} → ${raised}${stated === 'P1' && raised !== 'P1' ? '; P1 needs an outage in the text or an agent' : ''}`,
  );
  return raised;
}

/**
 * What a request asks, for the knowledge-base search: the subject and the first question of the
 * body — the first sentence ending in "?" that asks how or where, else the first that ends in "?"
 * — or, without a question, the subject and the first paragraph. In a long mail the article has
 * to answer the question, not the story around it.
 */
function askOf(subject: string, paragraphs: readonly string[]): { text: string; question: boolean } {
  const sentences = paragraphs.flatMap((p) => p.replace(/\n/g, ' ').split(/(?<=[.!?])\s+/u));
  const questions = sentences.filter((s) => /\?\s*$/u.test(s));
  if (questions.length === 0) return { text: `${subject}\n${paragraphs[0] ?? ''}`, question: false };
  const how = questions.find((q) => ASKS_HOW.test(q));
  return { text: `${subject}\n${how ?? questions[0]}`, question: true };
}
const ASKS_HOW =
  /(?<!\p{L})(?:how|where|what|which|can i|wie|wo|welche\p{L}*|hoe|waar|welke|kan ik|comment|où|quel\p{L}*|c[oó]mo|d[oó]nde|cu[aá]l|как\p{L}*|где|какой|можно)(?!\p{L})/iu;

/** The words of a fired signal as the reasons cite them: "'dringend', 'before friday'". */
function citedTerms(fired: { terms: ReadonlySet<string> }): string {
  return [...fired.terms].map((term) => `'${termText(term)}'`).join(', ');
}

/** A lexicon term as people read it: "brother$" → "brother", "palo_alto" → "palo alto". */
function termText(term: string): string {
  return term.replace(/\$/g, '').replace(/_/g, ' ');
}

function evidenceText(hit: VendorHit): string {
  return hit.with ? `${termText(hit.term)} next to ${hit.with}` : termText(hit.term);
}

function kindOf(
  level: Level,
  outage: boolean,
  isFault: boolean,
  kind: Record<Kind, number>,
  category: Record<Category, number>,
): ProblemKind {
  // An outage is a fault that the text says stops everyone ("nobody can …", "all users"),
  // whatever words name the fault.
  if (outage) return 'service-outage';
  if (isFault) return category.hardware > category.software ? 'hardware-fault' : 'software-fault';
  if (kind.howto > kind.request) return 'how-to';
  return level >= 2 ? 'software-fault' : 'request';
}
