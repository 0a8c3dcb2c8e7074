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
      0: 'De onderstaande artikelen beantwoorden vragen zoals de uwe. De stapsgewijze instructies staan op de pagina van uw melding (link hieronder): daar kunt u bevestigen dat een ervan uw probleem heeft opgelost, of om hulp van een medewerker vragen. U kunt ook gewoon deze e-mail beantwoorden, dan neemt een medewerker het over.',
      1: 'Onze servicedesk bekijkt uw verzoek en neemt contact met u op.',
      2: 'Een technicus belt u terug om het probleem samen met u op te lossen. Zorg er a.u.b. voor dat wij een telefoonnummer hebben waarop wij u kunnen bereiken.',
      3: 'Onze specialisten analyseren het probleem grondig. Wij houden u op de hoogte van de voortgang.',
      4: 'Dit apparaat of systeem wordt beheerd door een externe leverancier. Wij vragen eerst uw toestemming voordat wij uw verzoek aan hen doorgeven, en wij houden het voor u in de gaten.',
    },
    slaHeading: 'Ons serviceniveau',
    sla: (firstResponse, resolution) =>
      `Eerste reactie binnen ${firstResponse}, beoogde oplossing binnen ${resolution}.`,
    slaSelfHelp: (firstResponse, resolution) =>
      `Zolang u de artikelen uitprobeert, loopt er geen termijn. Zodra u om een medewerker vraagt, geldt: eerste reactie binnen ${firstResponse}, beoogde oplossing binnen ${resolution}.`,
    missingHeading: 'Stuur ons a.u.b. nog het volgende',
    missingIntro: 'Zodat niemand u opnieuw hoeft te vragen, beantwoord deze e-mail a.u.b. met:',
    articlesHeading: 'Deze artikelen kunnen helpen',
    selfHelpHeading: 'Lees de stappen, bevestig of vraag om hulp',
    selfHelpLink:
      'Open de pagina van uw melding om elk artikel volledig te lezen en laat ons daar weten of het uw probleem heeft opgelost of dat u nog hulp nodig hebt:',
    viewHeading: 'Uw melding online',
    viewCase: 'Bekijk uw melding en de status:',
    replyHint: 'Beantwoord deze e-mail om informatie toe te voegen; laat het kenmerk in het onderwerp staan.',
    signature: 'Uw tierdesk servicedesk',
    firstContact: {
      subject: (reference) => `[${reference}] Bevestig uw e-mailadres`,
      greeting: 'Goedendag,',
      received: (reference) =>
        `met dit e-mailadres is een supportverzoek geopend onder het kenmerk ${reference}. Ter bescherming herhaalt dit eerste bericht niet wat er geschreven is.`,
      confirmLink:
        'Heeft u het verzoek zelf ingediend, bevestig dat dan op de pagina van uw melding; daar ziet en volgt u uw verzoek:',
      notYou:
        'Zo niet, dan kunt u dat op dezelfde pagina aangeven of deze e-mail gewoon negeren: u ontvangt hierover niets meer van ons.',
    },
  },
  portal: {
    title: 'Uw supportmelding',
    loading: 'Uw melding wordt geladen…',
    linkIncomplete: 'Deze link is onvolledig. Open de link uit onze e-mail a.u.b. opnieuw, volledig.',
    notFound:
      'Met deze link konden wij uw melding niet openen. Gebruik a.u.b. de link uit onze meest recente e-mail over deze melding.',
    failed: 'Er is bij ons iets misgegaan. Probeer het over enkele minuten opnieuw.',
    reference: 'Kenmerk',
    status: 'Status',
    subject: 'Onderwerp',
    statusNames: {
      new: 'Ontvangen',
      'self-help': 'Zelfhulp: wacht op uw reactie',
      open: 'In behandeling',
      deflected: 'Opgelost met een artikel',
      resolved: 'Opgelost',
      closed: 'Gesloten',
    },
    nextStepsHeading: 'Hoe gaat het verder',
    nextSteps: {
      new: 'Wij bekijken uw verzoek. Laad deze pagina over een minuut opnieuw om te zien hoe het verdergaat.',
      selfHelp:
        'De onderstaande artikelen beantwoorden vragen zoals de uwe. Lost een ervan uw probleem op, kies dan „Dit heeft mijn probleem opgelost”. Zo niet, kies dan „Ik heb nog hulp nodig” en een medewerker neemt het over.',
      deflected:
        'Fijn dat het artikel heeft geholpen. Wij hebben uw melding gesloten; komt het probleem terug, beantwoord dan gewoon onze e-mail.',
      closed:
        'Uw melding is gesloten. Komt het probleem terug, beantwoord dan onze e-mail en wij openen haar opnieuw.',
    },
    articlesHeading: 'Artikelen bij uw vraag',
    stepsHeading: 'Zo werkt het',
    solved: 'Dit heeft mijn probleem opgelost',
    needHelpHeading: 'Niet opgelost?',
    commentLabel: 'Wat hebt u geprobeerd en wat gebeurde er? (optioneel)',
    needHelp: 'Ik heb nog hulp nodig',
    articleMissing: 'Dit artikel kan nu niet worden getoond.',
    actionFailed: 'Dat is niet gelukt. Probeer het a.u.b. opnieuw.',
    confirmAddress: {
      heading: 'Heeft u dit verzoek ingediend?',
      text: 'Iemand heeft met uw e-mailadres een supportverzoek ingediend. Was u dat, bevestig het dan om het verzoek te zien; onze e-mails bevatten dan de details. Was u het niet, laat het ons weten, dan schrijven wij u niet over verzoeken die anderen met uw adres indienen.',
      button: 'Ja, dit verzoek is van mij',
      done: 'Dank u: uw adres is bevestigd.',
      notMine: 'Nee, dit was ik niet',
      notMineDone:
        'Dank u. Wij schrijven dit adres niet over verzoeken die anderen ermee indienen. Neemt u zelf contact op, dan antwoorden wij zoals gewoonlijk.',
    },
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
