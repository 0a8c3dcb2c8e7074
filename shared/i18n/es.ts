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
      open: 'En curso',
      deflected: 'Resuelta con un artículo',
      resolved: 'Resuelta',
      closed: 'Cerrada',
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
