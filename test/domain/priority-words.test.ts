// Priority from the words people use, in the six languages: urgency said outright ("dringend",
// "lo antes posible", "met spoed"), deadlines ("before the audit", "cierre de mes", "payroll
// run"), scope ("tous nos clients", "die gesamte Abteilung", "all 40 users"), harm to the
// business ("affecting our operations", "Datenleck", "выручка") and words that say it can wait
// ("à votre plus grande convenance", "no rush"). Each verdict cites the words that decided it.
// Then a floor on the dev split of test/fixtures/priority-eval.json (wordy tickets labelled
// high/medium/low); its holdout split is reported by `npm run bench:classify`, never tuned on.
import { describe, expect, it } from 'vitest';
import { evaluatePriorityBands, loadPriorityEval } from '../../bench/priority-eval.ts';
import { createClassifier } from '../../shared/domain/classification/default-classifier.ts';

const classifier = createClassifier();

type Case = { name: string; subject: string; description: string; priority: string; cites: string[] };

const CASES: Case[] = [
  {
    name: 'de: urgency and a deadline in words',
    subject: 'Drucker im Empfang',
    description:
      'Dringend: der Drucker im Empfang druckt nicht mehr, wir brauchen ihn vor dem Audit morgen früh.',
    priority: 'P3',
    cites: ["'dringend'", "'audit'"],
  },
  {
    name: 'en: a long formal email about outages affecting operations',
    subject: 'Platform outages',
    description:
      'Dear Customer Support,\n\nI am writing to report that our data analytics platform has been experiencing intermittent outages which are affecting our operations. Our analysts cannot deliver the daily figures and several clients are waiting for results. We have restarted the services without success.\n\nPlease resolve this at your earliest convenience.\n\nKind regards,\nJane Doe',
    priority: 'P1',
    cites: ["'affecting our operations'"],
  },
  {
    name: 'en: people counted',
    subject: 'Login failure',
    description: 'All 40 users in the Leeds office cannot log in to the ERP since this morning.',
    priority: 'P1',
    cites: ['40 people affected'],
  },
  {
    name: 'fr: it can wait',
    subject: 'Informations',
    description:
      'Bonjour, je souhaiterais des informations sur vos offres de formation. À votre plus grande convenance, rien ne presse.',
    priority: 'P5',
    cites: ["'votre plus grande convenance'"],
  },
  {
    name: 'es: as soon as possible',
    subject: 'Portátil',
    description: 'Mi portátil no arranca desde esta mañana. Por favor, lo antes posible.',
    priority: 'P3',
    cites: ["'lo antes posible'"],
  },
  {
    name: 'es: a business deadline',
    subject: 'Cierre de mes',
    description: 'El módulo de facturación no funciona y el cierre de mes es el viernes.',
    priority: 'P3',
    cites: ["'cierre de mes'"],
  },
  {
    name: 'ru: urgent, the whole company',
    subject: 'Почта',
    description: 'Срочно! Не работает почта, вся компания без связи.',
    priority: 'P1',
    cites: ["'вся компания'", "'срочно'"],
  },
  {
    name: 'ru: revenue lost',
    subject: 'Сбой',
    description: 'Система недоступна, клиенты не могут оформить заказы, мы теряем выручку.',
    priority: 'P1',
    cites: ["'выручк'"],
  },
  {
    name: 'nl: the whole department, with urgency',
    subject: 'Afdeling',
    description: 'De gedeelde schijf werkt niet meer voor de hele afdeling. Graag met spoed.',
    priority: 'P2',
    cites: ["'hele afdeling'", "'met spoed'"],
  },
  {
    name: 'de: a data leak reported as a request',
    subject: 'Datenleck',
    description:
      'Wir haben ein Datenleck festgestellt: Kundendaten sind öffentlich einsehbar. Bitte rufen Sie uns zurück.',
    priority: 'P1',
    cites: ["'datenleck'"],
  },
  {
    name: 'de: the whole department',
    subject: 'Gesamte Abteilung',
    description: 'Der Dateiserver ist für die gesamte Abteilung nicht erreichbar.',
    priority: 'P3',
    cites: ["'gesamte abteilung'"],
  },
  {
    name: 'fr: all our customers',
    subject: 'Tous nos clients',
    description: 'Le portail est en panne pour tous nos clients depuis ce matin.',
    priority: 'P1',
    cites: ["'tous nos clients'"],
  },
  {
    name: 'en: a general question, no rush',
    subject: 'Question',
    description:
      'Just a general question, no rush: what is the difference between the editor and manager roles?',
    priority: 'P5',
    cites: ["'no rush'"],
  },
  {
    name: 'en: a payroll run tomorrow',
    subject: 'Payroll run',
    description:
      'The payroll system fails with a database error and the payroll run is due tomorrow morning.',
    priority: 'P3',
    cites: ["'payroll run'"],
  },
];

describe('priority from the words people use', () => {
  it.each(CASES)('$name', ({ subject, description, priority, cites }) => {
    const verdict = classifier.classify({ subject, description });
    expect(verdict.priority).toBe(priority);
    const said = verdict.reasons.filter((r) => /^(impact|urgency)/.test(r)).join(' / ');
    for (const words of cites) expect(said).toContain(words);
  });

  it('does not read "nosotros es urgente" as "no es urgente"', () => {
    const verdict = classifier.classify({
      subject: 'Centralita caída',
      description: 'Los clientes no pueden contactar con nosotros. Es urgente.',
    });
    expect(verdict.urgency).toBe('high');
  });

  it('does not take "crashes immediately" for urgency', () => {
    const verdict = classifier.classify({
      subject: 'App crash',
      description: 'The app crashes immediately on start.',
    });
    expect(verdict.urgency).toBe('medium');
  });
});

describe('priority bands on wordy tickets (test/fixtures/priority-eval.json)', () => {
  const items = loadPriorityEval();
  it('has a realistic, labelled set in six languages', () => {
    expect(items.length).toBeGreaterThanOrEqual(240);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const lang of ['en', 'de', 'fr', 'es', 'nl', 'ru'])
      expect(items.some((i) => i.language === lang)).toBe(true);
  });

  it('holds its floor on the dev split', () => {
    const scores = evaluatePriorityBands(items, classifier);
    expect(scores.dev.accuracy ?? 0).toBeGreaterThanOrEqual(0.66);
  });
});
