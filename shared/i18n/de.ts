import type { Messages } from './messages.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const de: Messages = {
  languageName: 'Deutsch',
  ack: {
    subject: (reference, subject) => `[${reference}] Wir haben Ihre Anfrage erhalten: ${subject}`,
    greeting: (name) => `Hallo ${name},`,
    received: (reference) =>
      `vielen Dank für Ihre Nachricht. Wir haben Ihre Anfrage unter ${reference} aufgenommen.`,
    summaryHeading: 'Ihre Anfrage',
    nextStepsHeading: 'Wie es weitergeht',
    nextSteps: {
      0: 'Die folgenden Artikel beantworten Fragen wie Ihre. Wenn einer davon Ihr Problem löst, bestätigen Sie das bitte über den Link unten; wenn nicht, antworten Sie einfach auf diese E-Mail, und ein Mitarbeiter übernimmt.',
      1: 'Unser Service Desk prüft Ihre Anfrage und meldet sich bei Ihnen.',
      2: 'Ein Techniker ruft Sie zurück, um das Problem gemeinsam mit Ihnen zu lösen. Bitte stellen Sie sicher, dass wir eine Telefonnummer haben, unter der wir Sie erreichen.',
      3: 'Unsere Spezialisten analysieren das Problem im Detail. Wir halten Sie über den Fortschritt auf dem Laufenden.',
      4: 'Dieses Gerät bzw. System wird von einem externen Dienstleister betreut. Bevor wir Ihre Anfrage weitergeben, holen wir Ihr Einverständnis ein, und wir behalten den Vorgang für Sie im Blick.',
    },
    slaHeading: 'Unsere Servicezeiten',
    sla: (firstResponse, resolution) =>
      `Erste Antwort innerhalb von ${firstResponse}, angestrebte Lösung innerhalb von ${resolution}.`,
    missingHeading: 'Bitte senden Sie uns noch Folgendes',
    missingIntro: 'Damit wir nicht noch einmal nachfragen müssen, antworten Sie bitte auf diese E-Mail mit:',
    articlesHeading: 'Diese Artikel helfen vielleicht',
    viewHeading: 'Ihr Vorgang online',
    viewCase: 'Ihren Vorgang und seinen Status ansehen:',
    replyHint:
      'Antworten Sie auf diese E-Mail, um Informationen zu ergänzen; bitte lassen Sie die Vorgangsnummer im Betreff stehen.',
    signature: 'Ihr tierdesk Service Desk',
  },
  facts: {
    phone: 'eine Telefonnummer, unter der ein Techniker Sie zurückrufen kann',
    product: 'das betroffene Produkt bzw. die Anwendung',
    version: 'die Version',
    asset: 'den Gerätenamen, die Inventarnummer oder die Seriennummer',
    errorText: 'die genaue Fehlermeldung (ein Screenshot hilft)',
    steps: 'die Schritte, die zu dem Problem führen',
    since: 'seit wann das Problem besteht',
    affectedUsers: 'wie viele Personen betroffen sind',
  },
  duration: {
    minutes: (n) => plural(n, 'Minute', 'Minuten'),
    hours: (n) => plural(n, 'Stunde', 'Stunden'),
    businessHours: (n) => plural(n, 'Arbeitsstunde', 'Arbeitsstunden'),
    businessDays: (n) => plural(n, 'Arbeitstag', 'Arbeitstagen'),
  },
  priorityName: {
    P1: 'P1 – kritisch',
    P2: 'P2 – hoch',
    P3: 'P3 – mittel',
    P4: 'P4 – niedrig',
    P5: 'P5 – Planung',
  },
};
