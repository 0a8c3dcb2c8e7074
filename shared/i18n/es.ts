import type { Messages } from './messages.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const es: Messages = {
  languageName: 'Español',
  ack: {
    subject: (reference, subject) => `[${reference}] Hemos recibido su solicitud: ${subject}`,
    greeting: (name) => `Hola, ${name}:`,
    received: (reference) =>
      `gracias por contactar con nosotros. Su solicitud ha quedado registrada con la referencia ${reference}.`,
    summaryHeading: 'Su solicitud',
    nextStepsHeading: 'Próximos pasos',
    nextSteps: {
      0: 'Los artículos siguientes responden a preguntas como la suya. Encontrará sus instrucciones paso a paso en la página de su solicitud (enlace de abajo): allí puede confirmar que alguno ha resuelto su problema o pedir la ayuda de un agente. También puede responder a este correo y un agente se encargará.',
      1: 'Nuestro centro de soporte revisará su solicitud y se pondrá en contacto con usted.',
      2: 'Un técnico le devolverá la llamada para resolver el problema junto con usted. Asegúrese de que disponemos de un número de teléfono en el que podamos localizarle.',
      3: 'Nuestros especialistas analizarán el problema en profundidad. Le mantendremos informado de sus avances.',
      4: 'Este equipo o sistema lo mantiene un proveedor externo. Le pediremos su consentimiento antes de trasladarle su solicitud y haremos el seguimiento por usted.',
    },
    slaHeading: 'Nuestro nivel de servicio',
    sla: (firstResponse, resolution) =>
      `Primera respuesta en un plazo de ${firstResponse}; resolución prevista en ${resolution}.`,
    slaSelfHelp: (firstResponse, resolution) =>
      `Mientras prueba los artículos, no corre ningún plazo. En cuanto pida la ayuda de un agente, se aplican estos objetivos: primera respuesta en un plazo de ${firstResponse}; resolución prevista en ${resolution}.`,
    missingHeading: 'Por favor, envíenos también lo siguiente',
    missingIntro: 'Para que nadie tenga que volver a preguntárselo, responda a este correo indicando:',
    articlesHeading: 'Estos artículos pueden ayudarle',
    selfHelpHeading: 'Lea los pasos, confirme o pida ayuda',
    selfHelpLink:
      'Abra la página de su solicitud para leer cada artículo completo y díganos allí si ha resuelto su problema o si todavía necesita ayuda:',
    viewHeading: 'Su solicitud en línea',
    viewCase: 'Consulte su solicitud y su estado:',
    replyHint: 'Responda a este correo para añadir información; mantenga la referencia en el asunto.',
    signature: 'Su centro de soporte tierdesk',
    firstContact: {
      subject: (reference) => `[${reference}] Confirme su dirección de correo electrónico`,
      greeting: 'Hola:',
      received: (reference) =>
        `se ha abierto una solicitud de soporte con esta dirección de correo con la referencia ${reference}. Para protegerle, este primer mensaje no repite lo que se escribió.`,
      confirmLink:
        'Si la ha abierto usted, confírmelo en la página de su caso; allí podrá ver y seguir su solicitud:',
      notYou:
        'Si no, puede indicarlo en la misma página o simplemente ignorar este correo: no recibirá nada más al respecto.',
    },
  },
  portal: {
    title: 'Su solicitud de soporte',
    loading: 'Cargando su solicitud…',
    linkIncomplete: 'Este enlace está incompleto. Vuelva a abrir el enlace de nuestro correo, completo.',
    notFound:
      'No hemos podido abrir su solicitud con este enlace. Utilice el enlace de nuestro correo más reciente sobre esta solicitud.',
    failed: 'Algo ha fallado por nuestra parte. Inténtelo de nuevo dentro de unos minutos.',
    reference: 'Referencia',
    status: 'Estado',
    subject: 'Asunto',
    statusNames: {
      new: 'Recibida',
      'self-help': 'Autoayuda: esperando su respuesta',
      open: 'Abierta',
      'in-progress': 'En curso',
      'waiting-on-customer': 'Pendiente de su respuesta',
      'waiting-on-vendor': 'Con el proveedor externo',
      'awaiting-consent': 'Pendiente de su consentimiento',
      resolved: 'Resuelta',
      closed: 'Cerrada',
      reopened: 'Reabierta',
      deflected: 'Resuelta con un artículo',
      cancelled: 'Cancelada',
    },
    nextStepsHeading: 'Próximos pasos',
    nextSteps: {
      new: 'Estamos revisando su solicitud. Vuelva a cargar esta página dentro de un minuto para ver cómo continúa.',
      selfHelp:
        'Los artículos siguientes responden a preguntas como la suya. Si alguno resuelve su problema, elija «Esto ha resuelto mi problema». Si no, elija «Todavía necesito ayuda» y un agente se encargará.',
      deflected:
        'Nos alegra que el artículo le haya ayudado. Hemos cerrado su solicitud; si el problema vuelve a aparecer, responda a nuestro correo.',
      closed:
        'Su solicitud está cerrada. Si el problema vuelve a aparecer, responda a nuestro correo y la reabriremos.',
      inProgress:
        'Un agente está trabajando en su solicitud. Le avisaremos en cuanto haya novedades; puede añadir información en esta página en cualquier momento.',
      waitingOnCustomer:
        'Para continuar necesitamos una respuesta o más información por su parte. Añádala en esta página o responda a nuestro correo.',
      waitingOnVendor:
        'El proveedor externo está trabajando en su solicitud. Hacemos el seguimiento y le avisaremos en cuanto responda.',
      awaitingConsent:
        'Este equipo o sistema lo mantiene un proveedor externo. Solo le trasladaremos su solicitud con su consentimiento: concédalo o deniéguelo en esta página.',
      resolved:
        'Hemos resuelto su solicitud. Si la solución funciona, elija «Sí, esto lo ha resuelto». Si no, elija «No, no está resuelto» y cuéntenos qué sigue sin funcionar; de lo contrario, su solicitud se cerrará automáticamente al cabo de unos días.',
      cancelled:
        'Esta solicitud se ha cancelado. Si todavía necesita ayuda, responda a nuestro correo o abra una nueva solicitud.',
    },
    articlesHeading: 'Artículos sobre su pregunta',
    stepsHeading: 'Cómo hacerlo',
    solved: 'Esto ha resuelto mi problema',
    needHelpHeading: '¿No se ha resuelto?',
    commentLabel: '¿Qué ha probado y qué ha ocurrido? (opcional)',
    needHelp: 'Todavía necesito ayuda',
    articleMissing: 'Este artículo no se puede mostrar en este momento.',
    actionFailed: 'No ha funcionado. Inténtelo de nuevo.',
    confirmAddress: {
      heading: '¿Ha abierto usted esta solicitud?',
      text: 'Alguien ha abierto una solicitud de soporte con su dirección de correo. Si fue usted, confírmelo para ver la solicitud; nuestros correos incluirán entonces sus detalles. Si no fue usted, díganoslo y no le escribiremos sobre solicitudes que otros abran con su dirección.',
      button: 'Sí, la abrí yo',
      done: 'Gracias: su dirección está confirmada.',
      notMine: 'No, no fui yo',
      notMineDone:
        'Gracias. No escribiremos a esta dirección sobre solicitudes que otros abran con ella. Si nos contacta usted, le responderemos como siempre.',
    },
    resolution: {
      heading: '¿Se ha resuelto su problema?',
      confirm: 'Sí, esto lo ha resuelto',
      object: 'No, no está resuelto',
      commentLabel: '¿Qué sigue sin funcionar?',
      confirmedDone: 'Gracias por su confirmación.',
      objectedDone: 'Gracias. Hemos reabierto su solicitud y nos pondremos en contacto con usted.',
    },
    consent: {
      heading: '¿Podemos trasladar su solicitud al proveedor?',
      text: 'Este equipo o sistema lo mantiene un proveedor externo. Si da su consentimiento, le facilitaremos la descripción del problema, el equipo o producto y los detalles del error, así como su nombre y su dirección de contacto; nunca nuestras notas internas. Si lo deniega, nuestros expertos seguirán trabajando en su solicitud internamente.',
      give: 'Sí, trasladarla',
      refuse: 'No, tratarla internamente',
      givenDone: 'Gracias. Trasladamos su solicitud al proveedor y le mantendremos informado.',
      refusedDone:
        'Entendido. No trasladaremos su solicitud; nuestros expertos seguirán trabajando en ella internamente.',
    },
    callback: {
      heading: 'Reserve su llamada',
      chooseWindow: 'Elija una franja horaria para la llamada del técnico:',
      book: 'Reservar esta franja',
      move: 'Cambiar la llamada',
      booked: (window) => `Su llamada está reservada para ${window}.`,
      noWindows:
        'En este momento no hay franjas libres. Inténtelo más tarde o responda a nuestro correo y acordaremos una hora con usted.',
    },
    addInfo: {
      heading: 'Añadir información',
      label: '¿Qué desea añadir?',
      button: 'Enviar',
      done: 'Gracias: lo hemos añadido a su solicitud.',
    },
  },
  ladder: {
    caseLink: 'La página de su solicitud:',
    reply: {
      subject: (reference, caseSubject) => `[${reference}] Respuesta a su solicitud: ${caseSubject}`,
      intro: 'uno de nuestros agentes ha respondido a su solicitud:',
      waitingForYou:
        'Necesitamos su respuesta para continuar. Responda a este correo o utilice la página de su solicitud.',
    },
    resolved: {
      subject: (reference) => `[${reference}] Su solicitud se ha resuelto`,
      intro: 'hemos resuelto su solicitud.',
      resolutionHeading: 'La solución',
      confirmOrObject: (days) =>
        `Si esto ha resuelto su problema, confírmelo en la página de su solicitud. Si no, responda a este correo o indíquelo en la página de su solicitud en un plazo de ${plural(days, 'día', 'días')}; de lo contrario, la solicitud se cerrará automáticamente.`,
    },
    callbackBooked: {
      subject: (reference) => `[${reference}] Su llamada está reservada`,
      booked: (window) => `su llamada con nuestro técnico está reservada para ${window}.`,
      invite: 'Con la invitación adjunta puede añadir la llamada a su calendario.',
      move: 'Para cambiarla, elija otra franja horaria en la página de su solicitud.',
      phone: (number) => `Le llamaremos al ${number}.`,
    },
    callbackReminder: {
      subject: (reference) => `[${reference}] Recordatorio: nuestro técnico le llamará`,
      text: (window) =>
        `le recordamos su llamada con nuestro técnico, reservada para ${window}. Tenga su teléfono a mano.`,
    },
    callbackMissed: {
      subject: (reference) => `[${reference}] No hemos podido localizarle`,
      text: 'nuestro técnico ha intentado llamarle, pero no ha podido localizarle. Elija una nueva franja horaria para la llamada.',
      linkLabel: 'Elegir una nueva franja horaria:',
    },
    consent: {
      subject: (reference) =>
        `[${reference}] Su consentimiento: ¿podemos trasladar su solicitud al proveedor?`,
      request: (vendorName, maintains) =>
        `el equipo o sistema afectado por su solicitud lo mantiene ${vendorName} (responsable de: ${maintains}). Solo podemos trasladarle su solicitud con su consentimiento.`,
      shared:
        'Si da su consentimiento, le facilitaremos: la descripción del problema, el equipo o producto y los detalles del error, así como su nombre y su dirección de contacto. Nunca compartimos nuestras notas internas.',
      how: 'Conceda o deniegue su consentimiento en la página de su solicitud, o responda a este correo con SÍ o NO en la primera línea.',
      refusedKept:
        'No trasladaremos su solicitud al proveedor. Nuestros expertos seguirán trabajando en ella internamente.',
    },
    vendorProgress: {
      subject: (reference) => `[${reference}] Novedades sobre su solicitud`,
      contacted: (vendorName) =>
        `hemos trasladado su solicitud a ${vendorName}. Hacemos el seguimiento y le avisaremos en cuanto tengamos respuesta.`,
      answered: (vendorName) =>
        `${vendorName} ha respondido sobre su solicitud. Estamos revisando la respuesta y nos pondremos en contacto con usted.`,
      vendorReference: (ref) => `Referencia del proveedor: ${ref}`,
    },
    closed: {
      subject: (reference) => `[${reference}] Su solicitud está cerrada`,
      text: 'hemos cerrado su solicitud. Si el problema vuelve a aparecer, responda a este correo y la reabriremos.',
    },
  },
  facts: {
    phone: 'un número de teléfono en el que un técnico pueda devolverle la llamada',
    product: 'el producto o la aplicación afectados',
    version: 'su versión',
    asset: 'el nombre del equipo, el número de inventario o el número de serie',
    errorText: 'el mensaje de error exacto (una captura de pantalla ayuda)',
    steps: 'los pasos que llevan al problema',
    since: 'desde cuándo ocurre el problema',
    affectedUsers: 'cuántas personas están afectadas',
  },
  duration: {
    minutes: (n) => plural(n, 'minuto', 'minutos'),
    hours: (n) => plural(n, 'hora', 'horas'),
    businessHours: (n) => plural(n, 'hora laborable', 'horas laborables'),
    businessDays: (n) => plural(n, 'día laborable', 'días laborables'),
  },
  priorityName: {
    P1: 'P1 – crítica',
    P2: 'P2 – alta',
    P3: 'P3 – media',
    P4: 'P4 – baja',
    P5: 'P5 – planificación',
  },
};
