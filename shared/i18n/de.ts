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
      0: 'Die folgenden Artikel beantworten Fragen wie Ihre. Die Schritt-für-Schritt-Anleitungen finden Sie auf der Seite zu Ihrem Vorgang (Link unten): Dort können Sie bestätigen, dass einer davon Ihr Problem gelöst hat, oder um Hilfe durch einen Mitarbeiter bitten. Sie können auch einfach auf diese E-Mail antworten, dann übernimmt ein Mitarbeiter.',
      1: 'Unser Service Desk prüft Ihre Anfrage und meldet sich bei Ihnen.',
      2: 'Ein Techniker ruft Sie zurück, um das Problem gemeinsam mit Ihnen zu lösen. Bitte stellen Sie sicher, dass wir eine Telefonnummer haben, unter der wir Sie erreichen.',
      3: 'Unsere Spezialisten analysieren das Problem im Detail. Wir halten Sie über den Fortschritt auf dem Laufenden.',
      4: 'Dieses Gerät bzw. System wird von einem externen Dienstleister betreut. Bevor wir Ihre Anfrage weitergeben, holen wir Ihr Einverständnis ein, und wir behalten den Vorgang für Sie im Blick.',
    },
    slaHeading: 'Unsere Servicezeiten',
    sla: (firstResponse, resolution) =>
      `Erste Antwort innerhalb von ${firstResponse}, angestrebte Lösung innerhalb von ${resolution}.`,
    slaSelfHelp: (firstResponse, resolution) =>
      `Solange Sie die Artikel ausprobieren, läuft keine Frist. Sobald Sie um Hilfe durch einen Mitarbeiter bitten, gilt: erste Antwort innerhalb von ${firstResponse}, angestrebte Lösung innerhalb von ${resolution}.`,
    missingHeading: 'Bitte senden Sie uns noch Folgendes',
    missingIntro: 'Damit wir nicht noch einmal nachfragen müssen, antworten Sie bitte auf diese E-Mail mit:',
    articlesHeading: 'Diese Artikel helfen vielleicht',
    selfHelpHeading: 'Anleitung lesen, bestätigen oder Hilfe anfordern',
    selfHelpLink:
      'Öffnen Sie die Seite zu Ihrem Vorgang, um jeden Artikel vollständig zu lesen, und teilen Sie uns dort mit, ob er Ihr Problem gelöst hat oder ob Sie weiterhin Hilfe brauchen:',
    viewHeading: 'Ihr Vorgang online',
    viewCase: 'Ihren Vorgang und seinen Status ansehen:',
    replyHint:
      'Antworten Sie auf diese E-Mail, um Informationen zu ergänzen; bitte lassen Sie die Vorgangsnummer im Betreff stehen.',
    signature: 'Ihr tierdesk Service Desk',
    firstContact: {
      subject: (reference) => `[${reference}] Bitte bestätigen Sie Ihre E-Mail-Adresse`,
      greeting: 'Guten Tag,',
      received: (reference) =>
        `mit dieser E-Mail-Adresse wurde eine Supportanfrage unter der Vorgangsnummer ${reference} eröffnet. Zu Ihrem Schutz wiederholt diese erste Nachricht nicht, was geschrieben wurde.`,
      confirmLink:
        'Wenn Sie die Anfrage gestellt haben, bestätigen Sie das auf der Seite zu Ihrem Vorgang; dort sehen und verfolgen Sie Ihre Anfrage:',
      notYou:
        'Wenn nicht, können Sie das auf derselben Seite angeben oder diese E-Mail einfach ignorieren: Sie erhalten dazu nichts weiter von uns.',
    },
  },
  portal: {
    title: 'Ihr Supportvorgang',
    loading: 'Ihr Vorgang wird geladen …',
    linkIncomplete:
      'Dieser Link ist unvollständig. Bitte öffnen Sie den Link aus unserer E-Mail noch einmal vollständig.',
    notFound:
      'Mit diesem Link konnten wir Ihren Vorgang nicht öffnen. Bitte verwenden Sie den Link aus unserer letzten E-Mail zu diesem Vorgang.',
    failed: 'Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es in einigen Minuten erneut.',
    reference: 'Vorgangsnummer',
    status: 'Status',
    subject: 'Betreff',
    statusNames: {
      new: 'Eingegangen',
      'self-help': 'Selbsthilfe: wartet auf Ihre Rückmeldung',
      open: 'Offen',
      'in-progress': 'In Bearbeitung',
      'waiting-on-customer': 'Wartet auf Ihre Antwort',
      'waiting-on-vendor': 'Beim externen Dienstleister',
      'awaiting-consent': 'Wartet auf Ihr Einverständnis',
      resolved: 'Gelöst',
      closed: 'Abgeschlossen',
      reopened: 'Wieder eröffnet',
      deflected: 'Mit einem Artikel gelöst',
      cancelled: 'Abgebrochen',
    },
    nextStepsHeading: 'Wie es weitergeht',
    nextSteps: {
      new: 'Wir sehen uns Ihre Anfrage gerade an. Laden Sie diese Seite in einer Minute neu, um zu sehen, wie es weitergeht.',
      selfHelp:
        'Die folgenden Artikel beantworten Fragen wie Ihre. Wenn einer davon Ihr Problem löst, wählen Sie „Das hat mein Problem gelöst“. Wenn nicht, wählen Sie „Ich brauche weiterhin Hilfe“, und ein Mitarbeiter übernimmt.',
      deflected:
        'Schön, dass der Artikel geholfen hat. Wir haben Ihren Vorgang abgeschlossen; falls das Problem wieder auftritt, antworten Sie einfach auf unsere E-Mail.',
      closed:
        'Ihr Vorgang ist abgeschlossen. Falls das Problem wieder auftritt, antworten Sie auf unsere E-Mail, und wir öffnen ihn erneut.',
      inProgress:
        'Ein Mitarbeiter bearbeitet Ihre Anfrage. Wir melden uns, sobald es Neuigkeiten gibt; auf dieser Seite können Sie jederzeit Informationen ergänzen.',
      waitingOnCustomer:
        'Damit wir weitermachen können, brauchen wir eine Antwort oder weitere Informationen von Ihnen. Bitte ergänzen Sie sie auf dieser Seite oder antworten Sie auf unsere E-Mail.',
      waitingOnVendor:
        'Der externe Dienstleister bearbeitet Ihre Anfrage. Wir behalten sie im Blick und informieren Sie, sobald eine Antwort vorliegt.',
      awaitingConsent:
        'Dieses Gerät bzw. System wird von einem externen Dienstleister betreut. Wir geben Ihre Anfrage nur mit Ihrem Einverständnis dorthin weiter: Bitte erteilen oder verweigern Sie es auf dieser Seite.',
      resolved:
        'Wir haben Ihre Anfrage gelöst. Wenn die Lösung funktioniert, wählen Sie „Ja, das hat es gelöst“. Wenn nicht, wählen Sie „Nein, das ist nicht gelöst“ und beschreiben Sie, was noch nicht funktioniert; andernfalls wird Ihr Vorgang nach einigen Tagen automatisch abgeschlossen.',
      cancelled:
        'Diese Anfrage wurde abgebrochen. Wenn Sie weiterhin Hilfe brauchen, antworten Sie auf unsere E-Mail oder stellen Sie eine neue Anfrage.',
    },
    articlesHeading: 'Artikel zu Ihrer Frage',
    stepsHeading: 'So geht es',
    solved: 'Das hat mein Problem gelöst',
    needHelpHeading: 'Nicht gelöst?',
    commentLabel: 'Was haben Sie versucht, und was ist passiert? (optional)',
    needHelp: 'Ich brauche weiterhin Hilfe',
    articleMissing: 'Dieser Artikel kann gerade nicht angezeigt werden.',
    actionFailed: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
    confirmAddress: {
      heading: 'Haben Sie diese Anfrage gestellt?',
      text: 'Jemand hat mit Ihrer E-Mail-Adresse eine Supportanfrage gestellt. Wenn Sie es waren, bestätigen Sie das, um die Anfrage zu sehen; unsere E-Mails enthalten dann ihre Einzelheiten. Wenn nicht, sagen Sie es uns, und wir schreiben Ihnen nicht zu Anfragen, die andere mit Ihrer Adresse stellen.',
      button: 'Ja, die Anfrage ist von mir',
      done: 'Vielen Dank: Ihre Adresse ist bestätigt.',
      notMine: 'Nein, das war ich nicht',
      notMineDone:
        'Vielen Dank. Wir schreiben dieser Adresse nicht zu Anfragen, die andere mit ihr stellen. Wenn Sie sich selbst an uns wenden, antworten wir wie gewohnt.',
    },
    resolution: {
      heading: 'Ist Ihr Problem gelöst?',
      confirm: 'Ja, das hat es gelöst',
      object: 'Nein, das ist nicht gelöst',
      commentLabel: 'Was funktioniert noch nicht?',
      confirmedDone: 'Vielen Dank für Ihre Bestätigung.',
      objectedDone: 'Vielen Dank. Wir haben Ihren Vorgang wieder eröffnet und melden uns bei Ihnen.',
    },
    consent: {
      heading: 'Dürfen wir Ihre Anfrage an den Dienstleister weitergeben?',
      text: 'Dieses Gerät bzw. System wird von einem externen Dienstleister betreut. Wenn Sie einverstanden sind, geben wir die Problembeschreibung, das Gerät bzw. Produkt und die Fehlerdetails sowie Ihren Namen und Ihre Kontaktadresse dorthin weiter – niemals unsere internen Notizen. Wenn Sie ablehnen, arbeiten unsere Experten intern weiter daran.',
      give: 'Ja, weitergeben',
      refuse: 'Nein, intern bearbeiten',
      givenDone:
        'Vielen Dank. Wir geben Ihre Anfrage an den Dienstleister weiter und halten Sie auf dem Laufenden.',
      refusedDone:
        'Verstanden. Wir geben Ihre Anfrage nicht weiter; unsere Experten arbeiten intern weiter daran.',
    },
    callback: {
      heading: 'Rückruf vereinbaren',
      chooseWindow: 'Wählen Sie ein Zeitfenster für den Anruf des Technikers:',
      book: 'Zeitfenster buchen',
      move: 'Anruf verschieben',
      booked: (window) => `Ihr Rückruf ist für ${window} vereinbart.`,
      noWindows:
        'Derzeit sind keine Zeitfenster frei. Bitte versuchen Sie es später erneut, oder antworten Sie auf unsere E-Mail, dann finden wir gemeinsam einen Termin.',
    },
    addInfo: {
      heading: 'Informationen ergänzen',
      label: 'Was möchten Sie ergänzen?',
      button: 'Senden',
      done: 'Vielen Dank: Wir haben es zu Ihrem Vorgang hinzugefügt.',
    },
  },
  ladder: {
    caseLink: 'Die Seite zu Ihrem Vorgang:',
    reply: {
      subject: (reference, caseSubject) => `[${reference}] Antwort auf Ihre Anfrage: ${caseSubject}`,
      intro: 'ein Mitarbeiter hat auf Ihre Anfrage geantwortet:',
      waitingForYou:
        'Damit wir weitermachen können, brauchen wir Ihre Antwort. Bitte antworten Sie auf diese E-Mail oder nutzen Sie die Seite zu Ihrem Vorgang.',
    },
    resolved: {
      subject: (reference) => `[${reference}] Ihre Anfrage wurde gelöst`,
      intro: 'wir haben Ihre Anfrage gelöst.',
      resolutionHeading: 'Die Lösung',
      confirmOrObject: (days) =>
        `Wenn das Ihr Problem gelöst hat, bestätigen Sie es bitte auf der Seite zu Ihrem Vorgang. Wenn nicht, antworten Sie innerhalb von ${plural(days, 'Tag', 'Tagen')} auf diese E-Mail oder widersprechen Sie auf der Seite zu Ihrem Vorgang; andernfalls wird der Vorgang automatisch abgeschlossen.`,
    },
    callbackBooked: {
      subject: (reference) => `[${reference}] Ihr Rückruf ist vereinbart`,
      booked: (window) => `Ihr Rückruf durch unseren Techniker ist für ${window} vereinbart.`,
      invite: 'Mit der beigefügten Einladung tragen Sie den Anruf in Ihren Kalender ein.',
      move: 'Um ihn zu verschieben, wählen Sie auf der Seite zu Ihrem Vorgang ein anderes Zeitfenster.',
      phone: (number) => `Wir rufen Sie unter ${number} an.`,
    },
    callbackReminder: {
      subject: (reference) => `[${reference}] Erinnerung: Unser Techniker ruft Sie an`,
      text: (window) =>
        `wir erinnern Sie an den Rückruf durch unseren Techniker, vereinbart für ${window}. Bitte halten Sie Ihr Telefon bereit.`,
    },
    callbackMissed: {
      subject: (reference) => `[${reference}] Wir konnten Sie nicht erreichen`,
      text: 'unser Techniker hat versucht, Sie anzurufen, konnte Sie aber nicht erreichen. Bitte wählen Sie ein neues Zeitfenster für den Rückruf.',
      linkLabel: 'Neues Zeitfenster wählen:',
    },
    consent: {
      subject: (reference) =>
        `[${reference}] Ihr Einverständnis: Dürfen wir Ihre Anfrage an den Dienstleister weitergeben?`,
      request: (vendorName, maintains) =>
        `das betroffene Gerät bzw. System wird von ${vendorName} betreut (zuständig für: ${maintains}). Wir dürfen Ihre Anfrage nur mit Ihrem Einverständnis dorthin weitergeben.`,
      shared:
        'Wenn Sie einverstanden sind, geben wir weiter: die Problembeschreibung, das Gerät bzw. Produkt und die Fehlerdetails sowie Ihren Namen und Ihre Kontaktadresse. Unsere internen Notizen geben wir niemals weiter.',
      how: 'Bitte erteilen oder verweigern Sie Ihr Einverständnis auf der Seite zu Ihrem Vorgang, oder antworten Sie auf diese E-Mail mit JA oder NEIN in der ersten Zeile.',
      refusedKept:
        'Wir geben Ihre Anfrage nicht an den Dienstleister weiter. Unsere Experten arbeiten intern weiter daran.',
    },
    vendorProgress: {
      subject: (reference) => `[${reference}] Neuigkeiten zu Ihrer Anfrage`,
      contacted: (vendorName) =>
        `wir haben Ihre Anfrage an ${vendorName} weitergegeben. Wir behalten sie im Blick und informieren Sie, sobald eine Antwort vorliegt.`,
      answered: (vendorName) =>
        `${vendorName} hat auf Ihre Anfrage geantwortet. Wir prüfen die Antwort und melden uns bei Ihnen.`,
      vendorReference: (ref) => `Vorgangsnummer des Dienstleisters: ${ref}`,
    },
    closed: {
      subject: (reference) => `[${reference}] Ihre Anfrage ist abgeschlossen`,
      text: 'wir haben Ihre Anfrage abgeschlossen. Falls das Problem wieder auftritt, antworten Sie einfach auf diese E-Mail, und wir öffnen sie erneut.',
    },
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
