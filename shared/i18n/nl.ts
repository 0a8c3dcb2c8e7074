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
      open: 'Open',
      'in-progress': 'In behandeling',
      'waiting-on-customer': 'Wacht op uw antwoord',
      'waiting-on-vendor': 'Bij de externe leverancier',
      'awaiting-consent': 'Wacht op uw toestemming',
      resolved: 'Opgelost',
      closed: 'Gesloten',
      reopened: 'Heropend',
      deflected: 'Opgelost met een artikel',
      cancelled: 'Geannuleerd',
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
      inProgress:
        'Een medewerker werkt aan uw verzoek. Wij laten het u weten zodra er nieuws is; op deze pagina kunt u altijd informatie toevoegen.',
      waitingOnCustomer:
        'Om verder te kunnen, hebben wij een antwoord of aanvullende informatie van u nodig. Vul dit a.u.b. aan op deze pagina of beantwoord onze e-mail.',
      waitingOnVendor:
        'De externe leverancier werkt aan uw verzoek. Wij houden het in de gaten en laten het u weten zodra zij reageren.',
      awaitingConsent:
        'Dit apparaat of systeem wordt beheerd door een externe leverancier. Wij geven uw verzoek alleen met uw toestemming aan hen door: geef of weiger uw toestemming a.u.b. op deze pagina.',
      resolved:
        'Wij hebben uw verzoek opgelost. Werkt de oplossing, kies dan „Ja, dit heeft het opgelost”. Zo niet, kies dan „Nee, het is niet opgelost” en beschrijf wat er nog niet werkt; anders wordt uw melding na enkele dagen automatisch gesloten.',
      cancelled:
        'Dit verzoek is geannuleerd. Hebt u nog hulp nodig, beantwoord dan onze e-mail of dien een nieuw verzoek in.',
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
    resolution: {
      heading: 'Is uw probleem opgelost?',
      confirm: 'Ja, dit heeft het opgelost',
      object: 'Nee, het is niet opgelost',
      commentLabel: 'Wat werkt er nog niet?',
      confirmedDone: 'Dank u voor uw bevestiging.',
      objectedDone: 'Dank u. Wij hebben uw melding heropend en nemen contact met u op.',
    },
    consent: {
      heading: 'Mogen wij uw verzoek doorgeven aan de leverancier?',
      text: 'Dit apparaat of systeem wordt beheerd door een externe leverancier. Gaat u akkoord, dan delen wij met hen de probleembeschrijving, het apparaat of product en de foutgegevens, en uw naam en contactadres – nooit onze interne notities. Weigert u, dan werken onze experts er intern verder aan.',
      give: 'Ja, geef het door',
      refuse: 'Nee, intern behandelen',
      givenDone: 'Dank u. Wij geven uw verzoek door aan de leverancier en houden u op de hoogte.',
      refusedDone: 'Begrepen. Wij geven uw verzoek niet door; onze experts werken er intern verder aan.',
    },
    callback: {
      heading: 'Terugbelafspraak maken',
      chooseWindow: 'Kies een tijdvak voor het gesprek met de technicus:',
      book: 'Tijdvak boeken',
      move: 'Gesprek verzetten',
      booked: (window) => `Uw gesprek is gepland op ${window}.`,
      noWindows:
        'Er zijn op dit moment geen tijdvakken vrij. Probeer het later opnieuw, of beantwoord onze e-mail, dan zoeken wij samen met u een tijdstip.',
    },
    addInfo: {
      heading: 'Informatie toevoegen',
      label: 'Wat wilt u toevoegen?',
      button: 'Versturen',
      done: 'Dank u: wij hebben het aan uw melding toegevoegd.',
    },
  },
  ladder: {
    caseLink: 'De pagina van uw melding:',
    reply: {
      subject: (reference, caseSubject) => `[${reference}] Antwoord op uw verzoek: ${caseSubject}`,
      intro: 'een medewerker heeft uw verzoek beantwoord:',
      waitingForYou:
        'Om verder te kunnen, hebben wij uw antwoord nodig. Beantwoord deze e-mail of gebruik de pagina van uw melding.',
    },
    resolved: {
      subject: (reference) => `[${reference}] Uw verzoek is opgelost`,
      intro: 'wij hebben uw verzoek opgelost.',
      resolutionHeading: 'De oplossing',
      confirmOrObject: (days) =>
        `Heeft dit uw probleem opgelost, bevestig dat dan op de pagina van uw melding. Zo niet, beantwoord dan binnen ${plural(days, 'dag', 'dagen')} deze e-mail of maak bezwaar op de pagina van uw melding; anders wordt de melding automatisch gesloten.`,
    },
    callbackBooked: {
      subject: (reference) => `[${reference}] Uw terugbelafspraak staat gepland`,
      booked: (window) => `uw gesprek met onze technicus is gepland op ${window}.`,
      invite: 'Met de bijgevoegde uitnodiging zet u het gesprek in uw agenda.',
      move: 'Wilt u het verzetten, kies dan een ander tijdvak op de pagina van uw melding.',
      phone: (number) => `Wij bellen u op ${number}.`,
    },
    callbackReminder: {
      subject: (reference) => `[${reference}] Herinnering: onze technicus belt u`,
      text: (window) =>
        `dit is een herinnering aan uw gesprek met onze technicus, gepland op ${window}. Houd uw telefoon a.u.b. bij de hand.`,
    },
    callbackMissed: {
      subject: (reference) => `[${reference}] Wij konden u niet bereiken`,
      text: 'onze technicus heeft geprobeerd u te bellen, maar kon u niet bereiken. Kies a.u.b. een nieuw tijdvak voor het gesprek.',
      linkLabel: 'Kies een nieuw tijdvak:',
    },
    consent: {
      subject: (reference) =>
        `[${reference}] Uw toestemming: mogen wij uw verzoek doorgeven aan de leverancier?`,
      request: (vendorName, maintains) =>
        `het betreffende apparaat of systeem wordt beheerd door ${vendorName} (verantwoordelijk voor: ${maintains}). Wij mogen uw verzoek alleen met uw toestemming aan hen doorgeven.`,
      shared:
        'Gaat u akkoord, dan delen wij: de probleembeschrijving, het apparaat of product en de foutgegevens, en uw naam en contactadres. Onze interne notities delen wij nooit.',
      how: 'Geef of weiger uw toestemming op de pagina van uw melding, of beantwoord deze e-mail met JA of NEE op de eerste regel.',
      refusedKept:
        'Wij geven uw verzoek niet door aan de leverancier. Onze experts werken er intern verder aan.',
    },
    vendorProgress: {
      subject: (reference) => `[${reference}] Nieuws over uw verzoek`,
      contacted: (vendorName) =>
        `wij hebben uw verzoek doorgegeven aan ${vendorName}. Wij houden het in de gaten en laten het u weten zodra er een antwoord is.`,
      answered: (vendorName) =>
        `${vendorName} heeft op uw verzoek gereageerd. Wij bekijken het antwoord en nemen contact met u op.`,
      vendorReference: (ref) => `Kenmerk bij de leverancier: ${ref}`,
    },
    closed: {
      subject: (reference) => `[${reference}] Uw verzoek is gesloten`,
      text: 'wij hebben uw verzoek gesloten. Komt het probleem terug, beantwoord dan gewoon deze e-mail en wij openen het opnieuw.',
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
