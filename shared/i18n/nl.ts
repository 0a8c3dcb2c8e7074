import type { Messages } from './messages.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const nl: Messages = {
  languageName: 'Nederlands',
  ack: {
    subject: (reference, subject) => `[${reference}] Wij hebben uw verzoek ontvangen: ${subject}`,
    greeting: (name) => `Beste ${name},`,
    received: (reference) =>
      `hartelijk dank voor uw bericht. Uw verzoek is geregistreerd onder ${reference}.`,
    summaryHeading: 'Uw verzoek',
    nextStepsHeading: 'Hoe gaat het verder',
    nextSteps: {
      0: 'De onderstaande artikelen beantwoorden vragen zoals de uwe. Lost een ervan uw probleem op, bevestig dat dan via de link hieronder; zo niet, beantwoord dan gewoon deze e-mail en een medewerker neemt het over.',
      1: 'Onze servicedesk bekijkt uw verzoek en neemt contact met u op.',
      2: 'Een technicus belt u terug om het probleem samen met u op te lossen. Zorg er a.u.b. voor dat wij een telefoonnummer hebben waarop wij u kunnen bereiken.',
      3: 'Onze specialisten analyseren het probleem grondig. Wij houden u op de hoogte van de voortgang.',
      4: 'Dit apparaat of systeem wordt beheerd door een externe leverancier. Wij vragen eerst uw toestemming voordat wij uw verzoek aan hen doorgeven, en wij houden het voor u in de gaten.',
    },
    slaHeading: 'Ons serviceniveau',
    sla: (firstResponse, resolution) =>
      `Eerste reactie binnen ${firstResponse}, beoogde oplossing binnen ${resolution}.`,
    missingHeading: 'Stuur ons a.u.b. nog het volgende',
    missingIntro: 'Zodat niemand u opnieuw hoeft te vragen, beantwoord deze e-mail a.u.b. met:',
    articlesHeading: 'Deze artikelen kunnen helpen',
    viewHeading: 'Uw melding online',
    viewCase: 'Bekijk uw melding en de status:',
    replyHint: 'Beantwoord deze e-mail om informatie toe te voegen; laat het kenmerk in het onderwerp staan.',
    signature: 'Uw tierdesk servicedesk',
  },
  facts: {
    phone: 'een telefoonnummer waarop een technicus u kan terugbellen',
    product: 'het betreffende product of de applicatie',
    version: 'de versie',
    asset: 'de apparaatnaam, het inventarisnummer of het serienummer',
    errorText: 'de exacte foutmelding (een screenshot helpt)',
    steps: 'de stappen die tot het probleem leiden',
    since: 'sinds wanneer het probleem zich voordoet',
    affectedUsers: 'hoeveel mensen getroffen zijn',
  },
  duration: {
    minutes: (n) => plural(n, 'minuut', 'minuten'),
    hours: (n) => plural(n, 'uur', 'uur'),
    businessHours: (n) => plural(n, 'werkuur', 'werkuren'),
    businessDays: (n) => plural(n, 'werkdag', 'werkdagen'),
  },
  priorityName: {
    P1: 'P1 – kritiek',
    P2: 'P2 – hoog',
    P3: 'P3 – gemiddeld',
    P4: 'P4 – laag',
    P5: 'P5 – planning',
  },
};
