// Which of the facts a support case needs (required-facts.ts) a customer's own words already
// give, in the six languages at once (customers mix them): the product named, its version, the
// device meant, what it shows or signals, how to make it happen, since when, and who is hit. The
// classifier asks for the rest (`missingFacts`), so every pattern here errs towards asking: a
// fact counts only when the text really states it ("I get an error" does not say which one).
// Pure regular expressions over the normalized text (lower case, no accents: text-normalizer.ts).
import type { Fact } from '../required-facts.ts';
import { normalize } from './text-normalizer.ts';

// Letters and digits as ranges (Latin with its accented forms, Greek, Cyrillic), not \p{L} and
// \p{N}: V8 expands each Unicode property class when a pattern is constructed, and across
// these patterns that cost ~30 ms of every cold start. `re` rewrites the patterns below, which
// stay written with \p{L} for reading.
const LETTER = 'A-Za-z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff';

/** `source` with \p{L} and \p{N} as ranges, inside a character class or out. */
function withRanges(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      const property = source.slice(i, i + 5);
      if (property === '\\p{L}' || property === '\\p{N}') {
        const range = property === '\\p{L}' ? LETTER : '0-9';
        out += inClass ? range : `[${range}]`;
        i += 4;
      } else {
        out += source.slice(i, i + 2);
        i += 1;
      }
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += ch;
  }
  return out;
}

const re = (source: string, flags = 'u') => new RegExp(withRanges(source), flags);

/** A word boundary that works for Cyrillic too (`\b` knows only ASCII letters). */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const words = (list: string) => list.trim().split(/\s+/).join('|');

// ── product ──────────────────────────────────────────────────────────────────────────────────
/**
 * Makers, product lines and applications that name what is meant (the lexicon's application
 * signal names the common office software too). A generic word ("the printer", "the app", "the
 * VPN") names no product.
 */
const PRODUCT = re(
  `${B}(?:${words(`
    canon hp dell lenovo apple samsung logitech epson ricoh xerox kyocera konica minolta lexmark
    toshiba asus acer jabra plantronics sennheiser cisco meraki fortinet fortigate forticlient globalprotect
    anyconnect ubiquiti unifi aruba juniper synology qnap netapp zebra fujitsu philips benq eizo huawei xiaomi
    motorola yealink snom avaya polycom thinkpad thinkcentre latitude elitebook probook optiplex
    macbook imac iphone ipad galaxy xps laserjet officejet imagerunner bizhub taskalfa ecosys workcentre
    versalink zendesk autocad photoshop lightspeed webex skype teamviewer okta citrix vmware workday servicenow
    personio lexware navision quickbooks xero slack dropbox gmail thunderbird visio tableau solidworks revit
    bitrix битрикс 1с 1c powerbi power\\s+bi sap afas exact\\s+online hubspot pipedrive zoho freshdesk freshservice
    mailchimp shopify magento woocommerce odoo netsuite twinfield moneybird snelstart visma topdesk sevdesk
    contaplus holded a3erp a3innuva factusol cegid pennylane сбис диадок мойсклад amocrm trello asana miro figma
    docusign anydesk intune keepass bitwarden lastpass 1password whatsapp telegram телеграм`)})${E}` +
    // "brother" is a person too: the maker only beside a printer word or a model series.
    `|${B}(?:brother\\s+(?:printer|drucker|printer|imprimante|impresora|принтер|hl|mfc|dcp)|(?:printer|drucker|imprimante|impresora|принтер)\\s+brother)${E}`,
);

// ── version ──────────────────────────────────────────────────────────────────────────────────
const VERSION = re(
  [
    `${B}(?:v|version|versie|versione|верси\\p{L}*|build|release|patch)\\s*[:.]?\\s*\\d+(?:[.,]\\d+)*`,
    `${B}(?:windows|win|ios|ipados|android|office|macos|mac\\s+os|os\\s*x|ubuntu|gui|acrobat|reader)\\s*(?!365${E})\\d{1,4}(?:\\.\\d+)*(?:\\s*(?:h[12]|2[0-9]h[12]))?${E}`,
    `${B}(?:2[0-9]h[12])${E}`,
    `${B}(?:excel|word|outlook|powerpoint|access|visio|project|exchange|sharepoint|server|sql\\s+server|skype\\s+for\\s+business)\\s+(?:19|20)\\d\\d${E}`,
  ].join('|'),
);

// ── asset ────────────────────────────────────────────────────────────────────────────────────
/** Words for a device someone works with (normalized, prefixes unless `$`). */
const DEVICE = `(?:laptop\\p{L}*|notebook\\p{L}*|pc|pcs|computer\\p{L}*|desktop\\p{L}*|macbook|thinkpad|rechner\\p{L}*|ordinateur\\p{L}*|portable|ordi|poste|portatil\\p{L}*|ordenador\\p{L}*|ноутбук\\p{L}*|компьютер\\p{L}*|пк|ноут|monitor\\p{L}*|screen\\p{L}*|display\\p{L}*|bildschirm\\p{L}*|scherm\\p{L}*|beeldscherm\\p{L}*|ecran\\p{L}*|pantalla\\p{L}*|экран\\p{L}*|монитор\\p{L}*|keyboard\\p{L}*|tastatur\\p{L}*|toetsenbord\\p{L}*|clavier\\p{L}*|teclado\\p{L}*|клавиатур\\p{L}*|mouse|maus|muis|souris|raton|мыш\\p{L}*|headset\\p{L}*|kopfhorer\\p{L}*|koptelefoon\\p{L}*|casque\\p{L}*|auricular\\p{L}*|наушник\\p{L}*|гарнитур\\p{L}*|webcam\\p{L}*|dock|docking\\p{L}*|dockingstation\\p{L}*|charger|ladegerat|oplader|chargeur|cargador|phone|telephone|telefon\\p{L}*|telefoon\\p{L}*|telefoontoestel|toestel|handy|diensthandy|smartphone|iphone|ipad|tablet|mobile|movil|mobiel|gsm|телефон\\p{L}*|смартфон\\p{L}*|айфон\\p{L}*|printer\\p{L}*|drucker\\p{L}*|imprimante\\p{L}*|impresora\\p{L}*|принтер\\p{L}*|copier|kopierer|copieur|photocopieur|copiadora|fotocopiadora|kopieerapparaat|копир\\p{L}*|scanner|escaner|сканер\\p{L}*|router|routeur|роутер\\p{L}*|switch|коммутатор\\p{L}*|nas|device|gerat|appareil|dispositivo|устройств\\p{L}*|equipo|workstation|arbeitsplatz|werkplek|desk|schreibtisch|platz|bureau|escritorio|mesa|столе|рабочем\\s+месте|kyocera|canon|ricoh|brother|xerox|synology|cisco)`;
/** The writer's own (a possessive, then up to two words: "my second monitor", "мой рабочий iPhone"). */
const MY = `(?:my|mein|meine|meinem|meinen|meiner|mijn|mon|ma|mes|mi|mis|мой|моя|мое|мои|моего|моей|моем|моим|моему)`;
const OWN_DEVICE = re(`${B}${MY}\\s+(?:[\\p{L}\\p{N}-]+\\s+){0,2}?${DEVICE}${E}`);
/** "Se me ha caído el portátil", "у меня ноутбук …": the writer's device without a possessive. */
const OWN_DEVICE_DATIVE = re(
  `${B}(?:se\\s+me|me)\\s+(?:ha\\s+|han\\s+|he\\s+)?\\p{L}+\\s+(?:el|la|mi)\\s+${DEVICE}${E}|${B}у\\s+меня\\s+(?:\\p{L}+\\s+)?${DEVICE}${E}` +
    // "Ноутбук Lenovo у меня …", "el portátil que me dieron", "the laptop I was given"
    `|${B}${DEVICE}\\s+(?:[\\p{L}\\p{N}-]+\\s+)?у\\s+меня${E}` +
    `|${B}${DEVICE},?\\s+(?:[\\p{L}\\p{N}-]+\\s+)?(?:(?:that|which)\\s+)?(?:i\\s+(?:was\\s+given|got|received)|(?:they|it|you)\\s+gave\\s+me|que\\s+me\\s+(?:dieron|dio|han\\s+dado|entregaron|asignaron)|qu\\s+on\\s+m\\s+a\\s+(?:donne|remis|attribue|fourni)e?|(?:den|die|das)\\s+ich\\s+(?:bekommen|erhalten)|die\\s+ik\\s+(?:heb\\s+)?(?:gekregen|kreeg)|(?:который|которую|которое)\\s+мне\\s+(?:выдали|дали))${E}`,
);
/** Not a device: "my phone number", "mon portable au 06 …", "call me on my mobile". */
const MY_NUMBER = re(
  `${B}${MY}\\s+(?:phone|telefon\\p{L}*|telefoon\\p{L}*|telephone|portable|movil|mobiel|mobile|handy|телефон\\p{L}*)\\s*(?:number|nummer|numero|номер|is|es|est|ist|:|au|op|unter|\\+|\\d)` +
    `|${B}(?:on|at|via|auf|op|sur|au|al|по|на)\\s+${MY}\\s+(?:phone|telefon\\p{L}*|telefoon\\p{L}*|telephone|portable|movil|mobiel|mobile|handy|gsm|телефон\\p{L}*)${E}`,
);
/** Where a device stands identifies it: "the copier on the 2nd floor", "Drucker im 3. OG". */
const PLACE = `(?:floor|room|reception|print\\s+room|hallway|corridor|server\\s*room|branch|site|building|etage|og|eg|stock|raum|zimmer|empfang|flur|buro|serverraum|filiale|standort|verdieping|kamer|receptie|gang|serverruimte|vestiging|salle|accueil|couloir|agence|piso|planta|sala|recepcion|pasillo|oficina|sucursal|sede|этаж\\p{L}*|кабинет\\p{L}*|приемн\\p{L}*|переговорн\\p{L}*|серверн\\p{L}*|филиал\\p{L}*|коридор\\p{L}*|офис\\p{L}*)`;
const PLACED_DEVICE = re(`${B}${DEVICE}${E}(?:[^.!?\\n]|(?<=\\d)\\.){0,45}?${B}${PLACE}${E}`);
/** An asset tag or host name ("PC-4471", "NB-UK-0711"), a serial number, an inventory number. */
const ASSET_TAG = /\b[A-Z]{1,5}(?:-[A-Z0-9]{1,5})*-\d{3,}\b/u;
const ASSET_WORD = re(
  `${B}(?:asset|asset\\s+tag|serial|s\\/n|sn|hostname|host\\s+name|device\\s+name|inventar\\p{L}*|seriennummer|serienummer|numero\\s+de\\s+serie|numero\\s+de\\s+serie|серийн\\p{L}*|инвентарн\\p{L}*)\\s*(?:number|nummer|no\\.?|номер)?\\s*[:#]?\\s*[a-z0-9][a-z0-9-]{3,}`,
);

// ── error text ───────────────────────────────────────────────────────────────────────────────
/** Words that introduce what a screen or a device says. */
const ERROR_WORD = `(?:error\\p{L}*|fehler\\p{L}*|fout\\p{L}*|foutmelding|foutcode|erreur\\p{L}*|ошибк\\p{L}*|code|codigo|код\\p{L}*|meldung|melding|message|mensaje|сообщени\\p{L}*|exception|stop\\s+code)`;
/** A code: digits, or letters and digits ("C6000", "AADSTS50076", "0x80070005", "-5002"). */
const CODE = `-?(?:0x[0-9a-f]{4,}|[a-z]{0,8}-?\\d{2,}[a-z0-9-]*)`;
const ERROR_CODE = re(
  [
    `${B}0x[0-9a-f]{4,}${E}`,
    `${B}${ERROR_WORD}\\s*(?:[:#]\\s*|\\s)(?:\\p{L}+\\s+){0,1}${CODE}${E}`,
    // "a 500 error", "403 Forbidden", "ошибка 720"
    `${B}[45]\\d\\d\\s+(?:error|fout|fehler|erreur|ошибк\\p{L}*|forbidden|not\\s+found|internal|bad\\s+gateway|service\\s+unavailable)`,
    // "Error: could not connect", "Fehlermeldung: …", "message d'erreur : …"
    `${B}${ERROR_WORD}(?:\\s+d\\s*erreur|\\s+de\\s+error|\\s+об\\s+ошибке)?\\s*:\\s*\\S`,
  ].join('|'),
);
/** Messages customers name rather than quote: paper jam, no signal, access denied … */
const NAMED_MESSAGE = re(
  `${B}(?:${words(`
    paper\\s+jam jam jams jammed jamming papierstau papierstoring bourrage atasco замят\\p{L}* 
    no\\s+signal kein\\s+signal geen\\s+signaal aucun\\s+signal sin\\s+senal нет\\s+сигнала
    toner\\s+(?:empty|low|leer|leeg|vide|vacio) sin\\s+toner kein\\s+toner
    access\\s+denied zugriff\\s+verweigert toegang\\s+geweigerd acces\\s+refuse acceso\\s+denegado доступ\\s+запрещен
    permission\\s+denied stack\\s+trace`)})${E}`,
);
/** Beeps and blinking lights: what a device signals. */
const SIGNALLED = re(
  [
    `${B}(?:beep\\p{L}*|piep\\p{L}*|bip|bips|pita|pitan|pitido\\p{L}*|pita\\p{L}*|пищит|пищат|писк\\p{L}*|звуков\\p{L}*\\s+сигнал\\p{L}*)${E}`,
    `${B}(?:blink\\p{L}*|flash\\p{L}*|knipper\\p{L}*|clignot\\p{L}*|parpade\\p{L}*|мига\\p{L}*|морга\\p{L}*|leuchtet|brennt|lit|glows|brandt|gloeit|allum\\p{L}*|enciende|encendid\\p{L}*|горит|горят|светится|светятся)\\s+(?:\\p{L}+\\s+){0,2}?(?:amber|orange|red|green|yellow|blue|white|rot|gelb|grun|orange|weiss|oranje|rood|groen|geel|wit|rouge|vert|jaune|blanc|naranja|rojo|verde|amarillo|ambar|blanco|оранжев\\p{L}*|красн\\p{L}*|зелен\\p{L}*|желт\\p{L}*|бел\\p{L}*)${E}`,
    `${B}(?:led|leds|light|lights|lamp\\p{L}*|lampje|statuslampje|voyant\\p{L}*|luz|luces|piloto|индикатор\\p{L}*|лампочк\\p{L}*|светодиод\\p{L}*)${E}[^.!?\\n]{0,30}?${B}(?:blink\\p{L}*|flash\\p{L}*|knipper\\p{L}*|clignot\\p{L}*|parpade\\p{L}*|мига\\p{L}*|морга\\p{L}*)`,
  ].join('|'),
);
/** What a screen says or shows, unquoted: "it says toner empty", "zeigt Papierstau an". */
const SHOWS = re(
  `${B}(?:says|said|shows|showing|displays|reads|zeigt|meldet|sagt|meldt|toont|affiche|indique|muestra|dice|показывает|пишет|выдает|сообщает)\\s+(?!(?:nothing|nichts|niets|rien|nada|ничего|black|blank|schwarz|zwart|noir|negro|черн\\p{L}*|that|dass|dat|que|что|me|mir|mij|moi|мне|up|no|not|nicht|niet|pas|ne|a|an|the|ein|eine|einen|een|un|une|una|some|seit|since|sometimes|always|immer|standig|wieder|again|sinds|altijd|toujours|parfois|depuis|siempre|desde|всегда|иногда|постоянно|с)${E})[\\p{L}\\p{N}«"'„“]`,
);
/** "It says that the format is wrong", "il dit que …": what the software says, reported. */
const SAYS_THAT = re(
  `${B}(?:it|es|het|il|elle)\\s+(?:says|said|sagt|zegt|dit|indique|affiche)\\s+(?:that|dass|dat|que|qu)${E}`,
);
/** A quoted text: what the screen says, unless it is a button the customer presses. */
const QUOTED = re(
  String.raw`(?:"([^"\n]{3,120})"|«\s*([^»\n]{3,120}?)\s*»|„([^“”"\n]{3,120})[“”"]|“([^”\n]{3,120})”|‘([^’\n]{3,120})’|(?<![\p{L}\p{N}])'([^'\n]{3,120}?)'(?![\p{L}\p{N}]))`,
  'gu',
);
const PRESSED_BEFORE = re(
  `(?:click\\p{L}*|press\\p{L}*|hit|select\\p{L}*|choose|tap|klick\\p{L}*|drucke|druk\\p{L}*|klik\\p{L}*|tippe|clique\\p{L}*|cliquer|appui\\p{L}*|pulso|pulsar|pulsa|clic|hago\\s+clic|нажима\\p{L}*|нажати\\p{L}*|нажать|нажму|кнопк\\p{L}*|button|knop|bouton|boton)\\s*(?:\\p{L}+\\s+){0,2}$|${B}(?:auf|op|on|sur)\\s*$`,
);
const PRESSED_AFTER = re(
  `^\\s*(?:klik\\p{L}*|klick\\p{L}*|drucke|druk\\p{L}*|tippe|button|knop|bouton|boton|кнопк\\p{L}*)`,
);

function quotesAnError(text: string): boolean {
  for (const match of text.matchAll(QUOTED)) {
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 15);
    if (PRESSED_BEFORE.test(before) || PRESSED_AFTER.test(after)) continue;
    return true;
  }
  return false;
}

// ── steps ────────────────────────────────────────────────────────────────────────────────────
/** A list of steps: two numbered or bulleted lines. */
const STEP_LIST = /(?:^|\n)\s*(?:1[.)]|-|\*|•)\s+\S.*\n\s*(?:2[.)]|-|\*|•)\s+\S/u;
/** The action that makes it happen: "when I click Send", "beim Öffnen", "al abrir", "при запуске". */
const TRIGGER = re(
  [
    `${B}(?:when|whenever|every\\s+time|each\\s+time|as\\s+soon\\s+as|while)\\s+(?:i|we|you|users?|someone|people|they|he|she|colleagues|staff)\\s+(?!(?:arrived|came|got\\s+in|returned|woke|have\\s+time|get\\s+a\\s+chance)${E})\\p{L}`,
    `${B}(?:when|after|on|upon|while)\\s+(?:opening|clicking|printing|saving|starting|logging|signing|sending|trying|sharing|uploading|downloading|connecting|booting|launching|pressing|exporting|importing)${E}`,
    `${B}(?:steps\\s+to\\s+reproduce|to\\s+reproduce|steps\\s*:)`,
    `${B}(?:wenn|sobald|sowie|jedes\\s+mal\\s+wenn|immer\\s+wenn)\\s+(?:ich|wir|man|jemand)${E}`,
    // "sobald sie den Bildschirm teilen" — not the polite "wenn Sie Zeit haben", "wenn Sie mich anrufen"
    `${B}(?:wenn|sobald|jedes\\s+mal\\s+wenn|immer\\s+wenn)\\s+(?:sie|er|die\\s+(?:kolleg|benutzer|nutzer|mitarbeiter|anwender)\\p{L}*)\\s+(?!(?:zeit|kurz|mich|mir|uns|bitte|moglich|dazu|mochten|konnen|konnten|wollen|noch|gerade|fertig)${E})\\p{L}`,
    `${B}beim\\s+\\p{L}{3,}`,
    `${B}(?:als|wanneer|zodra|elke\\s+keer\\s+als|iedere\\s+keer\\s+als|telkens\\s+als)\\s+(?:ik|we|wij|je|men)${E}`,
    `${B}(?:wanneer|zodra|elke\\s+keer\\s+als|telkens\\s+als)\\s+(?:ze|zij|hij|collega\\p{L}*|gebruikers)\\s+(?!(?:tijd|mij|me|ons|even|kunnen|willen)${E})\\p{L}`,
    `${B}bij\\s+het\\s+\\p{L}{3,}`,
    `${B}(?:quand|lorsque|lorsqu|des\\s+que|chaque\\s+fois\\s+que|a\\s+chaque\\s+fois\\s+que|au\\s+moment\\s+ou)\\s+(?:je|j|on|nous|l|il|elle|les|ils|elles)${E}`,
    `${B}(?:au\\s+(?:demarrage|lancement|moment\\s+de)|a\\s+l\\s+ouverture|lors\\s+(?:de|du|des)|en\\s+(?:ouvrant|cliquant|imprimant|enregistrant|lancant|demarrant|envoyant|essayant|ajoutant|exportant|important|chargeant|connectant|tapant|appuyant))${E}`,
    `${B}(?:cuando|cada\\s+vez\\s+que|en\\s+cuanto|siempre\\s+que)\\s+(?!(?:puedan|tengan|puedas|tengas|pueda)${E})\\p{L}`,
    `${B}al\\s+\\p{L}{3,}(?:ar|er|ir)(?:lo|la|los|las|le|les|se|me)?${E}`,
    `${B}(?:когда|как\\s+только|каждый\\s+раз)\\s+(?:я|мы|они|он|она|пользовател\\p{L}*|сотрудник\\p{L}*|коллег\\p{L}*|пытаюсь|пытаемся|\\p{L}+ю|\\p{L}+ем)${E}`,
    `${B}при\\s+(?!этом|этом|помощи|необходимости)\\p{L}{4,}`,
    `${B}als\\s+ich${E}`,
  ].join('|'),
);

// ── since ────────────────────────────────────────────────────────────────────────────────────
const WEEKDAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo';
const SINCE = re(
  [
    `${B}(?:since|ever\\s+since|seit|seitdem|sinds|sindsdien)${E}`,
    `${B}(?:yesterday|this\\s+(?:morning|afternoon|week|weekend)|last\\s+(?:night|week|month|friday|monday|tuesday|wednesday|thursday)|over\\s+the\\s+weekend|(?:for|over)\\s+(?:the\\s+(?:last|past)\\s+)?(?:\\d+|a|an|one|two|three|four|five|several|a\\s+few|few)\\s+(?:days?|hours?|weeks?|months?)|\\d+\\s+(?:days?|hours?|weeks?)\\s+ago|(?:started|began)\\s+(?:on|after|yesterday|this|last|when|at|around|about|today|\\d|${WEEKDAYS}))${E}`,
    `${B}(?<!(?:need|needed|by|until|before|due|for|til|till)\\s+(?:it\\s+|this\\s+|them\\s+)?)today${E}`,
    `${B}after\\s+(?:the|yesterday\\s*s|last\\s+night\\s*s|an?|this\\s+morning\\s*s|last\\s+week\\s*s)\\s+(?:\\p{L}+\\s+){0,2}?(?:update|upgrade|patch|restart|reboot|move|migration|power\\s+cut|outage|installation)`,
    `${B}(?:gestern|vorgestern|heute\\s+(?:fruh|morgen|nacht|vormittag|mittag)|letzte\\s+woche|letzten\\s+(?:freitag|montag|woche)|vor\\s+(?:\\d+|zwei|drei|ein\\p{L}*|paar)\\s+(?:tag\\p{L}*|stunde\\p{L}*|woche\\p{L}*)|nach\\s+dem\\s+(?:update|upgrade|neustart|umzug))${E}`,
    `${B}(?:gisteren|eergisteren|vanochtend|vanmorgen|vanmiddag|vannacht|vorige\\s+week|afgelopen\\s+(?:week|weekend|dagen|\\p{L}*dag)|(?:\\d+|twee|drie|een\\s+paar)\\s+(?:dagen|uur|weken)\\s+geleden|na\\s+de\\s+(?:update|upgrade|herstart))${E}`,
    `${B}depuis\\s+(?:hier|avant|ce|cette|la\\s+semaine|le\\s+(?:week|debut|\\d)|les?\\s+\\d|\\d+(?:h|:)?\\d*|${WEEKDAYS}|que|qu|(?:la|le|l|les)\\s+(?:derniere?s?\\s+|nouvelle?s?\\s+)?(?:mise|maj|migration|panne|coupure|update|installation|reinstallation|reinitialisation|redemarrage|demenagement|passage|changement|bascule|orage|version)|plusieurs|quelques|deux|trois|une?|toujours|longtemps|peu|ce\\s+matin|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)${E}`,
    `${B}(?:hier\\s+(?:soir|matin|apres)|ce\\s+matin|cette\\s+semaine|ce\\s+week\\s+end|la\\s+semaine\\s+derniere|il\\s+y\\s+a\\s+(?:\\d+|deux|trois|quelques)\\s+(?:jours|heures|semaines)|apres\\s+la\\s+mise\\s+a\\s+jour)${E}`,
    `${B}desde\\s+(?:primera\\s+hora|(?:el|la)\\s+(?:cambio|reinicio|corte|apagon|instalacion|mudanza|traslado)|ayer|anoche|hoy|esta|este|el\\s+(?:\\d|${WEEKDAYS}|fin|pasado|mes|lunes)|la\\s+(?:actualizacion|semana|manana|tarde|ultima|migracion)|las?\\s+\\d|\\d|hace|que|${WEEKDAYS}|entonces|siempre)${E}`,
    `${B}(?:ayer|anoche|esta\\s+manana|esta\\s+tarde|la\\s+semana\\s+pasada|hace\\s+(?:\\d+|dos|tres|unos|unas|varios|varias)\\s+(?:dias|horas|semanas)|(?:tras|despues\\s+de)\\s+la\\s+actualizacion)${E}`,
    `${B}(?:с|со)\\s+(?:утра|вчера\\p{L}*|позавчера|понедельник\\p{L}*|вторник\\p{L}*|сред\\p{L}*|четверг\\p{L}*|пятниц\\p{L}*|суббот\\p{L}*|воскресень\\p{L}*|прошл\\p{L}*|начала|обеда|выходных|сегодняшн\\p{L}*|момента|тех\\s+пор|\\d)${E}`,
    `${B}(?:вчера|позавчера|сегодня\\s+утром|утром|на\\s+прошлой\\s+неделе|(?:\\d+|два|три|несколько)\\s+(?:дня|дней|часа|часов|недел\\p{L}*)\\s+назад|после\\s+(?:\\p{L}+\\s+)?(?:обновлен|перезагрузк|переезд|переход|установк|переустановк|смен|замен|миграц|отключени|сбо)\\p{L}*)${E}`,
  ].join('|'),
);

// ── people affected ──────────────────────────────────────────────────────────────────────────
const NUMBER_WORD =
  'two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двух|трех|четырех|пяти|шести|семи|восьми|девяти|десяти|двоих|троих|четверых';
const PEOPLE =
  '(?:users?|people|persons?|colleagues|employees|staff|members|agents|benutzer\\p{L}*|mitarbeiter\\p{L}*|kolleg\\p{L}*|personen|leute|anwender\\p{L}*|gebruikers|medewerkers|collega\\p{L}*|mensen|personnes|utilisateurs|collegues|employes|collaborat\\p{L}*|agents|usuarios|personas|companer\\p{L}*|empleados|trabajadores|пользовател\\p{L}*|сотрудник\\p{L}*|человек\\p{L}*|коллег\\p{L}*|работник\\p{L}*)';
const COUNTED = re(
  `${B}(?:\\d{1,6}|${NUMBER_WORD})\\s+(?:\\p{L}+\\s+)?${PEOPLE}${E}|${B}(?:me\\s+and\\s+(?:my|a)\\s+colleague|my\\s+colleague\\s+and\\s+i|ich\\s+und\\s+(?:mein|meine)\\s+kolleg\\p{L}*|mijn\\s+collega\\s+en\\s+ik|mon\\s+collegue\\s+et\\s+moi|mi\\s+companer\\p{L}*\\s+y\\s+yo|я\\s+и\\s+(?:мой|моя)\\s+коллег\\p{L}*)${E}`,
);
/** A group or everyone ("the whole team", "tout le service", "весь отдел"), beyond the lexicon's scope words. */
const GROUP = re(
  `${B}(?:whole|entire|all\\s+of\\s+the|the\\s+entire)\\s+(?:\\p{L}+\\s+)?(?:team|department|office|floor|site|branch|building|company|staff)${E}|${B}(?:tout\\s+le\\s+service|toute\\s+l\\s+agence|tout\\s+le\\s+bureau|tout\\s+le\\s+site|todo\\s+el\\s+(?:departamento|equipo|personal)|весь\\s+(?:отдел|офис|филиал)|вся\\s+(?:бухгалтерия|команда)|die\\s+ganze\\s+(?!zeit|nacht|woche|tag|sache)\\p{L}+|de\\s+hele\\s+(?!dag|tijd|nacht|week|ochtend|middag)\\p{L}+|la\\s+oficina\\s+entera)${E}`,
);
/**
 * A department named as who is hit ("die Buchhaltung kann nicht drucken", "отдел продаж без
 * VPN", "for the finance department"), not as where a device stands ("der Drucker in der
 * Buchhaltung", "Принтер в бухгалтерии", "l'imprimante du service comptabilité").
 */
const DEPARTMENT = re(
  `${B}(?<!${B}(?:in|im|at|on|from|of|aus|von|vom|op|bij|uit|van|en|dans|au|du|des|del|de|в|во|на|из|от)\\s+(?:(?:the|der|dem|den|de|het|le|la|les|l|el|los)\\s+)?(?:\\p{L}+\\s+)?)(?:departments?|dept|abteilung\\p{L}*|buchhaltung|vertrieb\\p{L}*|afdeling\\p{L}*|boekhouding|service\\s+(?:comptabilite|compta|rh|informatique|commercial|achats|clients?|juridique|paie|marketing|logistique|technique|financier)|departamento\\p{L}*|contabilidad|отдел|отдела|отделу|отделе|отделом|бухгалтери\\p{L}*)${E}`,
);
/** Only the writer: "only me", "nur mich", "только на моём компьютере". */
const ONLY_ME = re(
  `${B}(?:only\\s+(?:me|for\\s+me|on\\s+my|my)|just\\s+me|nur\\s+(?:mich|mir|ich|bei\\s+mir|mein\\p{L}*|an\\s+meinem|auf\\s+meinem)|alleen\\s+(?:ik|mij|bij\\s+mij|mijn|op\\s+mijn)|(?:seulement|uniquement)\\s+(?:moi|sur\\s+mon|chez\\s+moi|mon)|solo\\s+(?:yo|a\\s+mi|mi|en\\s+mi)|только\\s+(?:у\\s+меня|я|мой|мне|на\\s+мо\\p{L}+))${E}`,
);
/**
 * The writer speaks of their own problem in the first person singular ("I cannot …", "my
 * laptop", "bei mir", "no puedo", "не могу") …
 */
const FIRST_PERSON = re(
  `${B}(?:i|my|me|mine|ich|mein\\p{L}*|mir|mich|ik|mijn|mij|je|j|moi|mon|ma|m|yo|mi|mis|puedo|consigo|tengo|intento|recibo|veo|abro|pulso|uso|adjunto|я|мне|меня|мой|моя|мое|мои|моего|моей|моем|моим|могу|пытаюсь|получаю|вижу|открываю|нажимаю)${E}`,
);
/** … unless a "we", "our", "others" says more may be hit … */
const OTHERS = re(
  `${B}(?:we|us|our|ours|wir|uns|unser\\p{L}*|wij|ons|onze|nous|notre|nos|nosotros|nosotras|nuestr\\p{L}*|podemos|tenemos|hemos|мы|нас|нам|наш\\p{L}*|можем|others|other\\s+users|anderen|andere|autres|otros|другие|другим)${E}`,
);
/**
 * … nor a "we" that says when it started, not who is hit ("since we moved to the new office",
 * "seit wir umgezogen sind", "depuis que nous avons déménagé") …
 */
const WHEN_WE = re(
  `${B}(?:(?:since|ever\\s+since)\\s+we\\s+(?:\\p{L}+ed|got|came|went|had|began|switched|moved)|(?:after|before)\\s+we${E}|(?:seit|seitdem|nachdem|sinds|nadat|sindsdien)\\s+(?:wir|we|wij)${E}|(?:depuis|apres)\\s+que\\s+nous${E}|(?:desde|despues\\s+de)\\s+que\\s+(?:nos|nosotros|hemos|cambiamos|pasamos|movimos)${E}|(?:с\\s+тех\\s+пор\\s+как|после\\s+того\\s+как)\\s+мы${E})`,
  'gu',
);
/** … and leaving aside where the writer can be reached ("call me on …", "mon portable au 06 …"). */
const REACH_ME = re(
  `(?:call|ring|contact|reach|text)\\s+me${E}[^\\n]*|let\\s+me\\s+know|rufen\\s+sie\\s+mich[^\\n]*|(?:mich|mir)\\s+(?:erreichen|anrufen)[^\\n]*|bel\\s+(?:me|mij)[^\\n]*|me\\s+(?:joindre|contacter|rappeler|appeler)[^\\n]*|llam(?:ame|eme|arme)[^\\n]*|позвоните\\s+мне[^\\n]*|свяжитесь\\s+со\\s+мной[^\\n]*|${B}(?:my|mein\\p{L}*|mijn|mon|ma|mi|мой)\\s+(?:phone|telefon\\p{L}*|telefoon\\p{L}*|telephone|telefono|телефон\\p{L}*|mobile|handy|portable|movil|number|nummer|numero|номер)\\s*(?:number|nummer|numero|номер|is|es|est|ist|:)[^\\n]*`,
  'gu',
);

// ── phone ────────────────────────────────────────────────────────────────────────────────────
const PHONE_NUMBER = '\\+?\\(?\\d[\\d\\s\\-/().]{5,}\\d';
const PHONE = re(
  [
    `${B}(?:tel|tél|phone|telephone|téléphone|mobile|mob|cell|handy|telefon|telefoon|mobiel|gsm|portable|teléfono|telefono|móvil|movil|тел|телефон|моб)\\p{L}*\\.?\\s*(?:\\p{L}+\\s+){0,2}?[:.]?\\s*(${PHONE_NUMBER})`,
    `${B}(?:call|ring|reach|contact)\\s+(?:me|us)\\s+(?:on|at|under)\\s+(${PHONE_NUMBER})`,
    `${B}(?:unter|op|au|al|по\\s+номеру|по)\\s+(${PHONE_NUMBER})`,
    `(?:^|\\n)\\s*(\\+\\d{1,3}[\\s\\-]?\\(?\\d{1,4}\\)?(?:[\\s\\-]?\\d{2,4}){2,4})\\s*(?=\\n|$)`,
    `(?:^|\\n)\\s*(0\\d{1,4}[\\s\\-/]?\\d{3,}(?:[\\s\\-]?\\d{2,})*)\\s*(?=\\n|$)`,
    `${B}(\\+\\d{1,3}[\\s\\-]\\(?\\d{1,4}\\)?(?:[\\s\\-]\\d{2,4}){2,4})${E}`,
  ].join('|'),
  'giu',
);
/** A date ("12.03.2024", "12/03/24") is not a telephone number. */
const DATE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/u;

function givesPhone(text: string): boolean {
  for (const match of text.matchAll(PHONE)) {
    const number =
      match
        .slice(1)
        .find((group) => group !== undefined)
        ?.trim() ?? '';
    const digits = number.replace(/\D/g, '').length;
    if (digits >= 7 && digits <= 15 && !DATE.test(number)) return true;
  }
  return false;
}

// ── version numbers that are not dates or addresses ──────────────────────────────────────────
const DOTTED = /(?<![\d.])\d+(?:\.\d+){2,}(?![\d.])/gu;

function givesDottedVersion(text: string): boolean {
  for (const [number] of text.matchAll(DOTTED)) {
    const parts = number.split('.');
    if (DATE.test(number)) continue;
    if (parts.length === 4 && parts.every((p) => p.length <= 3 && Number(p) <= 255)) continue; // an IP address
    return true;
  }
  return false;
}

// Apostrophes as the tokenizer reads them (text-normalizer.ts): a French elision is a word of its
// own ("l'installation" → "l installation", "qu'on" → "qu on"), any other one goes
// ("yesterday's" → "yesterdays", "collega's" → "collegas"). A quote mark stays.
const ELIDED = re(`${B}(l|d|j|n|m|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=\\p{L})`, 'gu');
const APOSTROPHE = re(`(?<=\\p{L})['’](?=\\p{L})`, 'gu');

/**
 * The facts `text` gives in words. `text` is what the customer wrote (subject, description and
 * the form's free-text fields); the form's own fields are the classifier's to add.
 */
export function factsInText(text: string, wanted?: ReadonlySet<Fact>): Set<Fact> {
  const raw = text;
  const n = normalize(text).replace(ELIDED, '$1 ').replace(APOSTROPHE, '');
  const found = new Set<Fact>();
  // Only the facts asked about are read: the patterns cost as much as the rest of a classification.
  const want = (fact: Fact) => !wanted || wanted.has(fact);
  if (want('product') && PRODUCT.test(n)) found.add('product');
  if (want('version') && (VERSION.test(n) || givesDottedVersion(n))) found.add('version');
  if (
    want('asset') &&
    (ASSET_TAG.test(raw) ||
      ASSET_WORD.test(n) ||
      PLACED_DEVICE.test(n) ||
      OWN_DEVICE_DATIVE.test(n) ||
      OWN_DEVICE.test(n.replace(MY_NUMBER, ' ')))
  )
    found.add('asset');
  if (
    want('errorText') &&
    (ERROR_CODE.test(n) ||
      NAMED_MESSAGE.test(n) ||
      SIGNALLED.test(n) ||
      SHOWS.test(n) ||
      SAYS_THAT.test(n) ||
      quotesAnError(n))
  )
    found.add('errorText');
  if (want('steps') && (STEP_LIST.test(raw) || TRIGGER.test(n))) found.add('steps');
  if (want('since') && SINCE.test(n)) found.add('since');
  if (want('affectedUsers') && givesAffected(n)) found.add('affectedUsers');
  if (want('phone') && givesPhone(raw)) found.add('phone');
  return found;
}

function givesAffected(n: string): boolean {
  if (COUNTED.test(n) || GROUP.test(n) || DEPARTMENT.test(n) || ONLY_ME.test(n)) return true;
  const about = n.replace(REACH_ME, ' ').replace(WHEN_WE, ' ');
  return FIRST_PERSON.test(about) && !OTHERS.test(about);
}
