import type { Messages } from './messages.ts';

// In French, 0 and 1 take the singular.
const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

export const fr: Messages = {
  languageName: 'Français',
  ack: {
    subject: (reference, subject) => `[${reference}] Nous avons bien reçu votre demande : ${subject}`,
    greeting: (name) => `Bonjour ${name},`,
    received: (reference) =>
      `merci de nous avoir contactés. Votre demande a été enregistrée sous la référence ${reference}.`,
    summaryHeading: 'Votre demande',
    nextStepsHeading: 'La suite',
    nextSteps: {
      0: 'Les articles ci-dessous répondent à des questions comme la vôtre. Leurs instructions pas à pas se trouvent sur la page de votre demande (lien ci-dessous) : vous pourrez y confirmer que l’un d’eux a résolu votre problème, ou demander l’aide d’un conseiller. Vous pouvez aussi simplement répondre à cet e-mail, et un conseiller prendra le relais.',
      1: 'Notre centre de services examine votre demande et reviendra vers vous.',
      2: 'Un technicien vous rappellera pour résoudre le problème avec vous. Merci de vérifier que nous disposons d’un numéro de téléphone auquel vous joindre.',
      3: 'Nos spécialistes analysent le problème en profondeur. Nous vous tiendrons informé de leurs avancées.',
      4: 'Cet équipement ou ce système est maintenu par un prestataire externe. Nous vous demanderons votre accord avant de lui transmettre votre demande, et nous en assurerons le suivi pour vous.',
    },
    slaHeading: 'Notre niveau de service',
    sla: (firstResponse, resolution) =>
      `Première réponse sous ${firstResponse}, résolution visée sous ${resolution}.`,
    slaSelfHelp: (firstResponse, resolution) =>
      `Tant que vous essayez les articles, aucun délai ne court. Dès que vous demandez l’aide d’un conseiller, nos engagements s’appliquent : première réponse sous ${firstResponse}, résolution visée sous ${resolution}.`,
    missingHeading: 'Merci de nous transmettre les éléments suivants',
    missingIntro:
      'Pour que personne n’ait à vous les redemander, merci de répondre à cet e-mail en indiquant :',
    articlesHeading: 'Ces articles peuvent vous aider',
    selfHelpHeading: 'Lire les étapes, confirmer ou demander de l’aide',
    selfHelpLink:
      'Ouvrez la page de votre demande pour lire chaque article en entier, puis indiquez-nous s’il a résolu votre problème ou si vous avez encore besoin d’aide :',
    viewHeading: 'Votre demande en ligne',
    viewCase: 'Consulter votre demande et son état :',
    replyHint:
      'Répondez à cet e-mail pour compléter votre demande ; merci de conserver la référence dans l’objet.',
    signature: 'Votre centre de services tierdesk',
    firstContact: {
      subject: (reference) => `[${reference}] Merci de confirmer votre adresse e-mail`,
      greeting: 'Bonjour,',
      received: (reference) =>
        `une demande d’assistance a été ouverte avec cette adresse e-mail sous la référence ${reference}. Pour votre protection, ce premier message ne reprend pas ce qui a été écrit.`,
      confirmLink:
        'Si vous en êtes l’auteur, confirmez-le sur la page de votre demande ; vous pourrez y consulter et suivre votre demande :',
      notYou:
        'Sinon, vous pouvez l’indiquer sur la même page, ou simplement ignorer cet e-mail : vous ne recevrez plus rien à ce sujet.',
    },
  },
  portal: {
    title: 'Votre demande d’assistance',
    loading: 'Chargement de votre demande…',
    linkIncomplete: 'Ce lien est incomplet. Merci d’ouvrir à nouveau le lien de notre e-mail, en entier.',
    notFound:
      'Nous n’avons pas pu ouvrir votre demande avec ce lien. Merci d’utiliser le lien de notre dernier e-mail concernant cette demande.',
    failed: 'Un problème est survenu de notre côté. Merci de réessayer dans quelques minutes.',
    reference: 'Référence',
    status: 'État',
    subject: 'Objet',
    statusNames: {
      new: 'Reçue',
      'self-help': 'Auto-assistance : en attente de votre réponse',
      open: 'Ouverte',
      'in-progress': 'En cours de traitement',
      'waiting-on-customer': 'En attente de votre réponse',
      'waiting-on-vendor': 'Chez le prestataire externe',
      'awaiting-consent': 'En attente de votre accord',
      resolved: 'Résolue',
      closed: 'Clôturée',
      reopened: 'Rouverte',
      deflected: 'Résolue grâce à un article',
      cancelled: 'Annulée',
    },
    nextStepsHeading: 'La suite',
    nextSteps: {
      new: 'Nous examinons votre demande. Rechargez cette page dans une minute pour voir la suite.',
      selfHelp:
        'Les articles ci-dessous répondent à des questions comme la vôtre. Si l’un d’eux résout votre problème, choisissez « Cela a résolu mon problème ». Sinon, choisissez « J’ai encore besoin d’aide » et un conseiller prendra le relais.',
      deflected:
        'Nous sommes ravis que l’article vous ait aidé. Nous avons clôturé votre demande ; si le problème revient, répondez simplement à notre e-mail.',
      closed:
        'Votre demande est clôturée. Si le problème revient, répondez à notre e-mail et nous la rouvrirons.',
      inProgress:
        'Un conseiller traite votre demande. Nous vous tiendrons informé dès qu’il y aura du nouveau ; vous pouvez à tout moment ajouter des informations sur cette page.',
      waitingOnCustomer:
        'Pour avancer, nous avons besoin d’une réponse ou d’informations complémentaires de votre part. Merci de les ajouter sur cette page ou de répondre à notre e-mail.',
      waitingOnVendor:
        'Le prestataire externe traite votre demande. Nous en assurons le suivi et vous informerons dès qu’il aura répondu.',
      awaitingConsent:
        'Cet équipement ou ce système est maintenu par un prestataire externe. Nous ne lui transmettons votre demande qu’avec votre accord : merci de le donner ou de le refuser sur cette page.',
      resolved:
        'Nous avons résolu votre demande. Si la solution fonctionne, choisissez « Oui, c’est résolu ». Sinon, choisissez « Non, ce n’est pas résolu » et décrivez ce qui ne fonctionne toujours pas ; à défaut, votre demande sera clôturée automatiquement au bout de quelques jours.',
      cancelled:
        'Cette demande a été annulée. Si vous avez encore besoin d’aide, répondez à notre e-mail ou ouvrez une nouvelle demande.',
    },
    articlesHeading: 'Articles liés à votre question',
    stepsHeading: 'Marche à suivre',
    solved: 'Cela a résolu mon problème',
    needHelpHeading: 'Pas résolu ?',
    commentLabel: 'Qu’avez-vous essayé, et que s’est-il passé ? (facultatif)',
    needHelp: 'J’ai encore besoin d’aide',
    articleMissing: 'Cet article ne peut pas être affiché pour le moment.',
    actionFailed: 'Cela n’a pas fonctionné. Merci de réessayer.',
    confirmAddress: {
      heading: 'Avez-vous ouvert cette demande ?',
      text: 'Quelqu’un a ouvert une demande d’assistance avec votre adresse e-mail. Si c’était vous, confirmez-le pour voir la demande ; nos e-mails en contiendront alors les détails. Sinon, dites-le-nous, et nous ne vous écrirons pas au sujet des demandes que d’autres ouvrent avec votre adresse.',
      button: 'Oui, c’est ma demande',
      done: 'Merci : votre adresse est confirmée.',
      notMine: 'Non, ce n’était pas moi',
      notMineDone:
        'Merci. Nous n’écrirons pas à cette adresse au sujet des demandes que d’autres ouvrent avec elle. Si vous nous contactez vous-même, nous vous répondrons comme d’habitude.',
    },
    resolution: {
      heading: 'Votre problème est-il résolu ?',
      confirm: 'Oui, c’est résolu',
      object: 'Non, ce n’est pas résolu',
      commentLabel: 'Qu’est-ce qui ne fonctionne toujours pas ?',
      confirmedDone: 'Merci pour votre confirmation.',
      objectedDone: 'Merci. Nous avons rouvert votre demande et reviendrons vers vous.',
    },
    consent: {
      heading: 'Pouvons-nous transmettre votre demande au prestataire ?',
      text: 'Cet équipement ou ce système est maintenu par un prestataire externe. Si vous êtes d’accord, nous lui transmettons la description du problème, l’équipement ou le produit et les détails de l’erreur, ainsi que votre nom et vos coordonnées – jamais nos notes internes. Si vous refusez, nos experts continuent de traiter votre demande en interne.',
      give: 'Oui, transmettre',
      refuse: 'Non, traiter en interne',
      givenDone: 'Merci. Nous transmettons votre demande au prestataire et vous tiendrons informé.',
      refusedDone:
        'C’est noté. Nous ne transmettons pas votre demande ; nos experts continuent de la traiter en interne.',
    },
    callback: {
      heading: 'Planifier votre rappel',
      chooseWindow: 'Choisissez un créneau pour l’appel du technicien :',
      book: 'Réserver ce créneau',
      move: 'Déplacer l’appel',
      booked: (window) => `Votre appel est prévu sur le créneau ${window}.`,
      noWindows:
        'Aucun créneau n’est disponible pour le moment. Merci de réessayer plus tard, ou répondez à notre e-mail et nous conviendrons d’un horaire avec vous.',
    },
    addInfo: {
      heading: 'Ajouter des informations',
      label: 'Que souhaitez-vous ajouter ?',
      button: 'Envoyer',
      done: 'Merci : nous l’avons ajouté à votre demande.',
    },
  },
  ladder: {
    caseLink: 'La page de votre demande :',
    reply: {
      subject: (reference, caseSubject) => `[${reference}] Réponse à votre demande : ${caseSubject}`,
      intro: 'un de nos conseillers a répondu à votre demande :',
      waitingForYou:
        'Nous avons besoin de votre réponse pour avancer. Merci de répondre à cet e-mail ou d’utiliser la page de votre demande.',
    },
    resolved: {
      subject: (reference) => `[${reference}] Votre demande a été résolue`,
      intro: 'nous avons résolu votre demande.',
      resolutionHeading: 'La solution',
      confirmOrObject: (days) =>
        `Si cela a résolu votre problème, merci de le confirmer sur la page de votre demande. Sinon, répondez à cet e-mail ou indiquez-le sur la page de votre demande sous ${plural(days, 'jour', 'jours')} ; à défaut, la demande sera clôturée automatiquement.`,
    },
    callbackBooked: {
      subject: (reference) => `[${reference}] Votre rappel est planifié`,
      booked: (window) => `votre appel avec notre technicien est prévu sur le créneau ${window}.`,
      invite: 'L’invitation jointe vous permet d’ajouter l’appel à votre agenda.',
      move: 'Pour le déplacer, choisissez un autre créneau sur la page de votre demande.',
      phone: (number) => `Nous vous appellerons au ${number}.`,
    },
    callbackReminder: {
      subject: (reference) => `[${reference}] Rappel : notre technicien va vous appeler`,
      text: (window) =>
        `nous vous rappelons votre appel avec notre technicien, prévu sur le créneau ${window}. Merci de garder votre téléphone à portée de main.`,
    },
    callbackMissed: {
      subject: (reference) => `[${reference}] Nous n’avons pas pu vous joindre`,
      text: 'notre technicien a essayé de vous appeler, sans parvenir à vous joindre. Merci de choisir un nouveau créneau pour l’appel.',
      linkLabel: 'Choisir un nouveau créneau :',
    },
    consent: {
      subject: (reference) =>
        `[${reference}] Votre accord : pouvons-nous transmettre votre demande au prestataire ?`,
      request: (vendorName, maintains) =>
        `l’équipement ou le système concerné par votre demande est maintenu par ${vendorName} (prestataire chargé de : ${maintains}). Nous ne pouvons lui transmettre votre demande qu’avec votre accord.`,
      shared:
        'Si vous êtes d’accord, nous lui transmettons : la description du problème, l’équipement ou le produit et les détails de l’erreur, ainsi que votre nom et vos coordonnées. Nos notes internes ne sont jamais transmises.',
      how: 'Merci de donner ou de refuser votre accord sur la page de votre demande, ou de répondre à cet e-mail par OUI ou NON en première ligne.',
      refusedKept:
        'Nous ne transmettons pas votre demande au prestataire. Nos experts continuent de la traiter en interne.',
    },
    vendorProgress: {
      subject: (reference) => `[${reference}] Du nouveau sur votre demande`,
      contacted: (vendorName) =>
        `nous avons transmis votre demande à ${vendorName}. Nous en assurons le suivi et vous informerons dès que nous aurons une réponse.`,
      answered: (vendorName) =>
        `${vendorName} a répondu au sujet de votre demande. Nous examinons la réponse et reviendrons vers vous.`,
      vendorReference: (ref) => `Référence chez le prestataire : ${ref}`,
    },
    closed: {
      subject: (reference) => `[${reference}] Votre demande est clôturée`,
      text: 'nous avons clôturé votre demande. Si le problème revient, répondez simplement à cet e-mail et nous la rouvrirons.',
    },
  },
  facts: {
    phone: 'un numéro de téléphone auquel un technicien peut vous rappeler',
    product: 'le produit ou l’application concerné',
    version: 'sa version',
    asset: 'le nom de l’appareil, son numéro d’inventaire ou son numéro de série',
    errorText: 'le message d’erreur exact (une capture d’écran aide)',
    steps: 'les étapes qui mènent au problème',
    since: 'depuis quand le problème se produit',
    affectedUsers: 'le nombre de personnes concernées',
  },
  duration: {
    minutes: (n) => plural(n, 'minute', 'minutes'),
    hours: (n) => plural(n, 'heure', 'heures'),
    businessHours: (n) => plural(n, 'heure ouvrée', 'heures ouvrées'),
    businessDays: (n) => plural(n, 'jour ouvré', 'jours ouvrés'),
  },
  priorityName: {
    P1: 'P1 – critique',
    P2: 'P2 – haute',
    P3: 'P3 – moyenne',
    P4: 'P4 – basse',
    P5: 'P5 – planification',
  },
};
