// Common IT and software-product words in the six languages, so that a deployment's routing
// rule written with one word ("invoice") also matches the other five (Rechnung, factuur,
// facture, factura, счёт). See routing-rules.ts: only single words are translated.
//
// Terms are written in the lexicon's syntax (signal-lexicon.ts): normalized (lower case, no
// accents, ß → ss, ё → е), a word matches every word that starts with it (`rechnung` catches
// rechnungen), `word$` only the whole word, `a_b` a phrase. Stems are chosen so that they do not
// catch unrelated common words of any of the six languages (every term is matched in every
// text): short or ambiguous words are whole words (`app$`, `счет$`), and a word that means
// something else in another language is left out or written as a phrase (es `de$_red$`, not
// `red$`).
//
// One concept a line: `concept | en | de | nl | fr | es | ru`, terms separated by spaces. Only
// true translations in common IT usage; a word that would also mean something unrelated in IT
// (de "Bericht" is a report, nl "bericht" a message) is left out.
import type { Language } from '../support-model.ts';
import { normalize } from './text-normalizer.ts';

export type ItConcept = { concept: string } & Record<Language, readonly string[]>;

const COLUMNS = ['en', 'de', 'nl', 'fr', 'es', 'ru'] as const satisfies readonly Language[];

const TABLE = `
# ── devices ──────────────────────────────────────────────────────────────────────────────────
printer | printer | drucker | printer | imprimante | impresora | принтер
scanner | scanner | scanner | scanner | scanner | escaner | сканер
copier | photocopier copy$_machine | kopierer kopiergerat | kopieerapparaat kopieermachine | photocopieuse copieur | fotocopiadora copiadora | копир$ копира$ ксерокс
toner | toner cartridge ink$ | toner patrone tinte | toner cartridge inkt$ | toner cartouche encre$ | toner cartucho tinta$ | картридж тонер
fax | fax$ faxes$ | fax$ faxe$ telefax | fax$ faxen$ | fax$ telecopie | fax$ | факс
screen | screen$ screens$ monitor$ monitors$ display$ displays$ | bildschirm monitor$ monitore$ display$ | scherm beeldscherm monitor$ monitoren$ | ecran moniteur | pantalla monitor$ monitores$ | экран монитор$ монитора монитору$ монитором$ мониторе$ мониторы мониторов$
keyboard | keyboard | tastatur | toetsenbord | clavier | teclado | клавиатур
mouse | mouse$ mice$ | maus$ mause$ | muis$ muizen$ | souris$ | raton$ ratones$ | мышь$ мыши$ мышью$ мышк
laptop | laptop notebook | laptop notebook | laptop notebook | ordinateur_portable pc$_portable laptop | portatil laptop | ноутбук
computer | computer pc$ pcs$ | computer rechner pc$ | computer pc$ | ordinateur ordi$ pc$ | ordenador computadora pc$ | компьютер пк$
tablet | tablet | tablet | tablet | tablette | tableta tablet$ | планшет
phone | phone telephone smartphone cellphone | telefon handy$ handys$ smartphone | telefoon smartphone mobieltje gsm$ | telephone smartphone | telefono movil$ moviles$ celular smartphone | телефон смартфон
headset | headset headphone earphone | headset kopfhorer | headset koptelefoon oortje$ oortjes$ | casque$ casques$ ecouteur | auricular cascos$ | гарнитур наушник
webcam | webcam camera | webcam kamera | webcam camera | webcam camera | webcam camara | камер вебкамер
microphone | microphone mic$ mics$ | mikrofon | microfoon | microphone micro$ micros$ | microfono | микрофон
speaker | speaker$ speakers$ loudspeaker | lautsprecher | luidspreker speaker$ speakers$ | haut_parleur | altavoz altavoces | динамик
battery | battery batteries | akku batterie | accu$ accus$ batterij | batterie | bateria | батаре аккумулятор
charger | charger power$_adapter power$_supply | ladegerat netzteil | oplader | chargeur | cargador | зарядк зарядн
cable | cable | kabel | kabel | cable | cable | кабел
usb-drive | usb$ usb_stick flash_drive thumb_drive memory_stick | usb$ usb_stick speicherstick | usb$ usb_stick | usb$ cle$_usb$ | usb$ memoria_usb$ pendrive | usb$ флешк
docking-station | docking dock$ | docking | docking | station_d$_accueil docking | estacion_de$_acoplamiento docking | док$_станц докстанц
hard-disk | hard_drive hard_disk harddisk ssd$ hdd$ | festplatte ssd$ hdd$ | harde_schijf harddisk ssd$ | disque_dur ssd$ | disco_duro ssd$ | жестк_диск ssd$ hdd$
memory | memory ram$ | arbeitsspeicher ram$ | geheugen ram$ | memoire ram$ | memoria ram$ | память$ памяти$ памятью$ озу$
projector | projector beamer | beamer projektor | beamer projector | projecteur videoprojecteur | proyector | проектор
device | device | gerat$ gerate$ endgerat | apparaat apparaten$ | appareil peripherique | dispositivo | устройств девайс
hardware | hardware | hardware | hardware | materiel$ hardware | hardware | железо$ железа$ оборудовани
cash-register | cash_register point$_of$_sale | kasse$ kassen$ kassensystem | kassa$ kassasysteem | caisse$ caisses$ caisse_enregistreuse | caja_registradora tpv$ | кассов касса$ кассы$
barcode | barcode | barcode strichcode | barcode streepjescode | code_barre code$_a$_barres | codigo_de$_barras | штрихкод штрих_код
sim-card | sim$ sim_card simcard | sim$ simkarte sim_karte | sim$ simkaart | carte_sim$ sim$ | tarjeta_sim$ sim$ | сим_карт симк sim$
server | server | server | server | serveur | servidor | сервер
router | router | router | router | routeur | enrutador router$ | роутер маршрутизатор

# ── network ──────────────────────────────────────────────────────────────────────────────────
network | network | netzwerk netz$ | netwerk | reseau | redes$ de$_red$ la$_red$ red_local | сеть$ сети$ сетью$ сетев
wifi | wifi$ wi$_fi$ wireless wlan$ | wlan$ wifi$ | wifi$ wi$_fi$ draadloos | wifi$ wi$_fi$ sans_fil$ | wifi$ wi$_fi$ inalambric | wifi$ вайфай вай$_фай$ беспроводн
internet | internet | internet | internet | internet | internet | интернет
vpn | vpn$ | vpn$ | vpn$ | vpn$ | vpn$ | vpn$ впн$
firewall | firewall | firewall | firewall | pare_feu firewall | cortafuegos firewall | файрвол фаервол брандмауэр
connection | connect disconnect | verbindung verbinden$ verbunden$ | verbinding verbinden$ verbonden$ | connexion | conexion conect desconect | подключ соединени
dns | dns$ | dns$ | dns$ | dns$ | dns$ | dns$ днс$
ip-address | ip$ ip$_address | ip$ ip$_adresse | ip$ ip$_adres | ip$ adresse_ip$ | ip$ direccion_ip$ | ip$ ip$_адрес айпи$
proxy | proxy | proxy | proxy | proxy | proxy | прокси
remote-desktop | remote_desktop remote$_access rdp$ | remotedesktop remote_desktop fernwartung fernzugriff rdp$ | extern_bureaublad bureaublad_op$_afstand rdp$ | bureau_a$_distance acces_a$_distance rdp$ | escritorio_remoto acceso_remoto rdp$ | удаленн_рабоч удаленн_доступ rdp$
domain | domain | domain$ domane | domein | domaine | dominio | домен
cloud | cloud | cloud | cloud | cloud$ nuage$ | nube$ nubes$ cloud$ | облак

# ── accounts and access ──────────────────────────────────────────────────────────────────────
login | login logon log$_in$ log$_on$ sign$_in$ signin | anmeld einlogg login | inlog aanmeld | connexion se$_connecter s$_identifier | iniciar_sesion inicio_de$_sesion login$ | логин вход$ входа$ входе$ войти$ авториз
password | password passwd$ passphrase | passwort kennwort | wachtwoord | mot_de$_passe mdp$ | contrasena | парол
two-factor | two$_factor 2fa$ mfa$ multi$_factor authenticator | zwei$_faktor zweifaktor 2fa$ mfa$ | tweestapsverificatie twee$_factor tweefactor 2fa$ | double_authentification authentification_a$_deux 2fa$ | doble_factor verificacion_en$_dos$_pasos 2fa$ | двухфактор 2fa$
account | account$ accounts$ | konto$ konten$ account$ | account$ accounts$ | compte$ comptes$ | cuenta$ cuentas$ | учетн_запис аккаунт учетк
user | user$ users$ | benutzer nutzer anwender | gebruiker | utilisateur | usuario | пользовател юзер
admin | admin$ admins$ administrator sysadmin | admin$ administrator | beheerder admin$ | administrateur admin$ | administrador admin$ | администратор админ$ админа$ админу$ админы$
permission | permission access_right authorisation authorization | berechtigung rechte$ | rechten$ autorisatie machtiging | permission droits$ droit_d$_acces autorisation | permiso$ permisos$ autorizacion | права$ правам$ правами$ полномочи
access | access$ accessed$ accessing$ | zugriff zugang | toegang | acces$ acceder$ | acceso$ accesos$ acceder$ | доступ
session | session | session | sessie | session | sesion | сесси сеанс
lock | locked$ lockout locked$_out$ unlock | gesperrt$ entsperr | geblokkeerd ontgrendel | bloque$ bloquee$ verrouill deverrouill | bloquead desbloque | заблокир разблокир блокировк
reset | reset | zurucksetz reset$ | reset$ resetten$ | reinitialis | restablec | сброс
registration | registration register$ sign$_up$ signup | registrierung registrier | registratie registreer registreren$ | inscription inscrire$ | registrar registro$ inscripcion | регистрац зарегистрир
profile | profile | profil | profiel | profil | perfil | профил

# ── business ─────────────────────────────────────────────────────────────────────────────────
customer | customer | kunde | klant | client$ clients$ clientele | cliente | клиент покупател
supplier | supplier vendor | lieferant | leverancier | fournisseur | proveedor | поставщик
employee | employee staff$ | mitarbeiter angestellte$ angestellten$ | medewerker werknemer | employe$ employes$ collaborateur salarie$ | empleado | сотрудник работник
order | order$ orders$ purchase_order | bestellung bestellen$ bestellt$ auftrag$ auftrage$ | bestelling bestellen$ besteld$ order$ | commande | pedido | заказ$ заказа$ заказы$ заказов$ заказу$ заказом$ заказе$ заказам$
subscription | subscription subscribe | abonnement abo$ abos$ | abonnement | abonnement abonne$ | suscripcion suscrib | подписк
licence | licence licens | lizenz | licentie | licence | licencia | лиценз
invoice | invoice invoicing billing | rechnung abrechnung fakturierung | factuur factur | facture facturation | factura | счет$ счета счетов$ счету$ счетом$ счете$ счет_фактур инвойс
payment | payment pay$ paid$ | zahlung bezahl | betaling betal betaald$ | paiement payer$ | pago pagar pagad | оплат платеж
receipt | receipt | quittung beleg$ belege$ | kassabon bonnetje kwitantie ontvangstbewijs | quittance ticket_de$_caisse recu_de$_paiement | recibo$ recibos$ comprobante | чек$ чека$ чеки$ чеков$ квитанц
tax | tax$ taxes$ vat$ taxation | steuer$ mwst$ mehrwertsteuer umsatzsteuer | belasting incl$_btw$ excl$_btw$ inclusief_btw$ exclusief_btw$ btw$_nummer btw$_tarief btwnummer | taxe$ taxes$ tva$ impot | impuesto iva$ | налог ндс$
payroll | payroll payslip salary | lohnabrechnung gehaltsabrechnung lohnbuchhaltung gehalt$ | salaris loonadministratie loonstrook | paie$ fiche_de$_paie bulletin_de$_paie salaire | nomina$ nominas$ | зарплат расчетн_лист
bank | bank$ banks$ banking | bank$ banken$ bankverbindung | bank$ banken$ | banque bancaire | banco$ bancos$ bancari | банк$ банка$ банку$ банке$ банком$ банков$ банковск
bank-statement | bank_statement account_statement statement$ statements$ | kontoauszug | afschrift rekeningafschrift bankafschrift | releve$ releves$ releve_bancaire | extracto | выписк
accounting | accounting bookkeeping accountant | buchhaltung | boekhouding boekhouder | comptabilite comptable | contabilidad contable | бухгалтер бухучет
price | price pricing | preis | prijs prijzen | prix$ tarif | precio tarifa | цена$ цены$ цену$ ценой$ цене$ стоимост
quote | quotation quote$ quotes$ | angebot | offerte | devis$ | presupuesto cotizacion | коммерческ_предложени
contract | contract | vertrag vertrage | contract overeenkomst | contrat | contrato | договор$ договора договору$ договоре$ договоров$ договором$ договоры$ контракт
refund | refund | ruckerstattung erstattung ruckzahlung | terugbetaling restitutie | rembours | reembols | возврат
credit-card | credit_card creditcard | kreditkarte | creditcard | carte_bancaire carte_de$_credit | tarjeta_de$_credito | кредитн_карт банковск_карт
direct-debit | direct_debit | lastschrift | incasso | prelevement | domiciliacion adeudo$ | автоплатеж автосписани
cancellation | cancel | kundigung kundigen$ gekundigt storn | opzeg annule | annul resili | cancelar cancelacion anular$ anulacion | отмен расторж
renewal | renew | verlangerung verlangern$ | verleng | renouvel | renovacion renovar | продлени продлит продлев
trial | trial$ trial_version free_trial | testversion | proefversie proefperiode | version_d$_essai essai_gratuit periode_d$_essai | version_de$_prueba prueba_gratuita periodo_de$_prueba | пробн_верси пробн_период
delivery | delivery shipping shipment | lieferung versand | levering verzending | livraison expedition | entrega$ entregas$ envio$ envios$ | доставк отгрузк
inventory | inventory stock$ | lagerbestand inventur | voorraad inventaris | stock$ stocks$ inventaire | inventario existencias | склад$ склада$ складе$ складов$ остатк
warranty | warranty guarantee | garantie gewahrleistung | garantie | garantie | garantia | гаранти
repair | repair | reparatur reparier | reparatie repareer repareren$ | reparation reparer$ repare$ | reparacion reparar$ reparad | ремонт

# ── software and data ────────────────────────────────────────────────────────────────────────
software | software program$ programs$ | software programm | software programma | logiciel programme$ programmes$ | software programa$ programas$ | программ софт$ софта$
application | application app$ apps$ | anwendung applikation app$ apps$ | applicatie app$ apps$ | application appli$ applis$ app$ | aplicacion app$ apps$ | приложени
operating-system | operating_system | betriebssystem | besturingssysteem | systeme_d$_exploitation | sistema_operativo | операционн_систем
driver | driver | treiber | stuurprogramma driver$ drivers$ | pilote$ pilotes$ | controlador | драйвер
firmware | firmware | firmware | firmware | firmware micrologiciel | firmware | прошивк firmware$
update | update upgrade | update aktualisier upgrade | update bijwerk upgrade | mise_a$_jour mises_a$_jour mettre_a$_jour update$ | actualiz | обновл обновит апдейт
install | install | installier installation | installeer installeren$ installatie geinstalleerd | installer$ installation installe$ | instalar instalacion instalad | установ инсталл
save | save$ saved$ saving$ | speichern$ speichert$ gespeichert | opslaan opgeslagen | enregistr | guardar guardad | сохран
backup | backup back$_up$ | backup datensicherung sicherungskopie | backup reservekopie | sauvegard backup$ | copia_de$_seguridad respaldo backup$ | резервн_копи бэкап бекап
restore | restore | wiederherstell | herstel terugzet | restaurer$ restauration restaure$ | restaurar$ restauracion restaurad | восстанов
data | data$ | daten$ | data$ gegevens | donnees | datos$ | данные$ данных$ данными$ данным$
database | database | datenbank | database databank | base_de$_donnees bdd$ | base_de$_datos | баз_данн бд$
file | file | datei | bestand$ bestanden$ | fichier | archivo | файл
folder | folder | ordner verzeichnis | map$ mappen$ folder | dossier repertoire | carpeta | папк каталог$ каталога$ каталоге$ директори
document | document | dokument | document | document | documento | документ
attachment | attachment attached$ | anhang$ anhange$ | bijlage | piece_jointe pj$ | adjunto$ adjuntos$ adjunta$ | вложени
pdf | pdf$ | pdf$ | pdf$ | pdf$ | pdf$ | pdf$ пдф$
upload | upload | upload hochlad hochgelad | upload | televers upload$ | subir$ subida$ subido$ | загрузить$ загрузил загрузк закачать
download | download | download herunterlad heruntergelad | download | telecharg | descarg | скача скачива
export | export | export | export exporteer | export | exportar exportacion exportad | экспорт выгруз
import | import$ imports$ imported$ importing$ | import$ importier | import$ importeer importeren$ geimporteerd | import$ importer$ importation | importar importacion importad | импорт
report | report$ reports$ reporting$ | report$ reports$ auswertung | rapport$ rapporten$ rapportage | rapport$ rapports$ | informe$ informes$ reporte$ reportes$ | отчет
statistics | statistic | statistik | statistiek | statistique | estadistica | статистик
dashboard | dashboard | dashboard | dashboard | tableau_de$_bord dashboard | cuadro_de$_mando dashboard | дашборд
synchronisation | sync$ synchron | synchron sync$ | synchronis sync$ | synchronis sync$ | sincroniz | синхрон
integration | integrat | integration anbindung | integratie koppeling | integration | integracion integrar$ | интеграц
interface | interface | schnittstelle interface$ | interface koppelvlak | interface | interfaz interface$ | интерфейс
api | api$ apis$ | api$ apis$ | api$ apis$ | api$ apis$ | api$ apis$ | api$ апи$
token | token | token | token | token jeton | token | токен
key | key$ keys$ license_key product_key api$_key | schlussel | sleutel | cle$ cles$ | clave$ claves$ | ключ
certificate | certificate cert$ certs$ ssl$ tls$ | zertifikat | certificaat | certificat | certificado | сертификат
encryption | encrypt | verschlussel | versleutel | chiffrement chiffrer$ | cifrado cifrar$ encriptac | шифрован зашифров
migration | migrat | migration | migratie | migration | migracion migrar$ | миграц
storage | storage disk$_space | speicherplatz speicher$ | opslag | stockage espace_disque | almacenamiento espacio_en$_disco | хранилищ место_на$_диске

# ── web and communication ────────────────────────────────────────────────────────────────────
intranet | intranet | intranet | intranet | intranet | intranet | интранет
portal | portal | portal | portaal | portail | portal | портал
website | website web$_site webpage web$_page homepage | webseite website homepage | website webpagina webpage | site_web site_internet page_web site$ | sitio_web pagina_web web$ | сайт
link | link$ hyperlink url$ urls$ | link$ url$ | link$ url$ | lien$ liens$ url$ | enlace$ enlaces$ url$ | ссылк url$
browser | browser | browser | browser | navigateur | navegador | браузер
email | email e$_mail mail$ mails$ | email e$_mail mail$ mails$ | email e$_mail mail$ mails$ mailtje | courriel email mail$ mails$ | correo$ correos$ correo_electronico email | почта$ почты$ почту$ почте$ почтой$ почтов email$ имейл емейл мейл$
mailbox | mailbox inbox | postfach mailbox | mailbox postvak inbox | boite_mail boite_de$_reception boite_aux$_lettres | bandeja_de$_entrada buzon | почтов_ящик
calendar | calendar | kalender | agenda kalender | calendrier agenda | calendario agenda | календар
meeting | meeting | besprechung meeting | vergadering meeting | reunion | reunion | встреч совещани
video-call | video_call videocall video_conference videoconference | videokonferenz videoanruf videocall | videogesprek videobellen videovergadering | visioconference visio$ | videollamada videoconferencia | видеозвон видеоконференц видеосвяз
notification | notification | benachrichtigung | notificatie pushmelding | notification | notificacion aviso$ avisos$ | уведомлени оповещени
sms | sms$ text$_message | sms$ | sms$ smsje | sms$ | sms$ | смс$ sms$
newsletter | newsletter | newsletter | nieuwsbrief | newsletter lettre_d$_information | boletin newsletter | рассылк
webshop | webshop web$_shop online$_shop | webshop onlineshop online$_shop | webshop webwinkel | boutique_en$_ligne e$_boutique | tienda_online tienda_en$_linea | интернет_магазин

# ── screens, forms and fields ────────────────────────────────────────────────────────────────
menu | menu | menu | menu | menu | menu | меню$
button | button | schaltflache knopf button | knop$ knoppen$ button | bouton | boton$ botones$ | кнопк
field | field$ fields$ | feld$ felder$ | veld$ velden$ | champ$ champs$ | campo$ campos$ | поле$ поля$ полей$ полю$ полем$ полях$
table | table$ tables$ | tabelle | tabel$ tabellen$ | tableau$ tableaux$ table$ | tabla$ tablas$ | таблиц
template | template | vorlage | sjabloon template$ | modele$ modeles$ gabarit | plantilla | шаблон
form | form$ forms$ | formular | formulier | formulaire | formulario | форма$ формы$ форму$ формой$ форме$ анкет
signature | signature | signatur unterschrift | handtekening | signature | firma_electronica firma_digital firmar$ | подпись подписи$ подписью$
search | search | suche$ suchen$ suchfunktion | zoeken$ zoekfunctie | recherche | busqueda buscar$ buscador | поиск
filter | filter | filter | filter | filtre | filtro | фильтр

# ── faults and releases ──────────────────────────────────────────────────────────────────────
log | log$ logs$ logfile log$_file | logdatei protokolldatei log$ logs$ | log$ logs$ logbestand | journal$ journaux$ log$ logs$ | log$ logs$ registro_de$_eventos | лог$ логи$ логов$ логах$ журнал$ журнала$
error | error | fehler | fout foutmelding | erreur | error | ошибк ошибок$ ошибочн
crash | crash | absturz abgesturzt sturzt$ | crash vastloper | plantage plante$ plantes$ crash$ | crash$ cierre_inesperado | вылет краш$ крэш$ падает$
freeze | freeze frozen hangs$ hanging$ hung$ | hangt$ friert$ einfrier eingefroren | bevriest bevroren hangt$ vastgelopen loopt_vast | fige$ figee$ figees$ figes$ | se$_congela congelad se$_cuelga colgad | завис$ зависа зависл
slow | slow | langsam | traag | lent$ lente$ lents$ lentes$ lenteur lentement | lento$ lenta$ lentos$ lentas$ lentitud | медленн тормоз
outage | outage downtime | ausfall ausgefallen storung | storing$ storingen$ uitval | panne$ pannes$ coupure | caida$ caidas$ interrupcion apagon | сбой сбоя$ сбои$ сбоев$ авари упал$
performance | performance$ | performance$ leistung$ | prestaties performance$ | performance$ performances$ | rendimiento | производительност
timeout | timeout time$_out$ timed$_out$ | timeout zeituberschreitung | timeout time$_out$ | timeout delai_d$_attente | timeout tiempo_de$_espera | таймаут тайм_аут
bug | bug$ bugs$ defect$ defects$ | bug$ bugs$ | bug$ bugs$ | bug$ bugs$ bogue | bug$ bugs$ | баг$ бага$ баги$ багов$ дефект
feature | feature | funktion$ funktionen$ funktionalitat feature$ | functie$ functies$ functionaliteit feature$ | fonctionnalite fonction$ | funcionalidad funcion$ funciones$ | функция$ функции$ функцию$ функций$ функционал
release | release | release | release | release$ | lanzamiento release$ | релиз
version | version | version | versie | version | version | верси
security | security | sicherheit | beveiliging veiligheid | securite | seguridad | безопасност
virus | virus malware | virus viren$ schadsoftware malware | virus malware | virus malware logiciel_malveillant | virus malware | вирус вредонос
phishing | phishing | phishing | phishing | phishing hameconnage | phishing | фишинг
spam | spam | spam | spam | spam pourriel | spam correo_no$_deseado | спам
monitoring | monitoring | monitoring uberwachung | monitoring | monitoring surveillance | monitorizacion monitoreo | мониторинг
restart | restart reboot | neustart neu$_starten$ | herstart opnieuw_opstarten | redemarr | reinici | перезагру перезапус

# ── support ──────────────────────────────────────────────────────────────────────────────────
ticket | ticket | ticket | ticket | ticket | ticket incidencia | тикет заявк
workflow | workflow | workflow arbeitsablauf | workflow | workflow flux_de$_travail | workflow flujo_de$_trabajo | бизнес_процесс воркфлоу
approval | approv | genehmig | goedkeur | approbation approuv | aproba | согласовани утвержд
cookie | cookie | cookie | cookie | cookie | cookie | куки$ cookie
training | training$ trainings$ | schulung | training$ opleiding | formation$ formations$ | formacion capacitacion | обучени тренинг
manual | manual$ manuals$ handbook user_guide | handbuch anleitung bedienungsanleitung | handleiding | manuel$ manuels$ mode_d$_emploi guide_d$_utilisation | manual$ manuales$ instrucciones | инструкци руководств_пользовател
`;

function parse(table: string): ItConcept[] {
  const concepts: ItConcept[] = [];
  for (const line of table.split('\n')) {
    const text = line.trim();
    if (!text || text.startsWith('#')) continue;
    const cells = text.split('|').map((cell) => cell.trim());
    if (cells.length !== COLUMNS.length + 1) throw new Error(`it-vocabulary: malformed line '${text}'`);
    const [concept, ...lists] = cells as [string, ...string[]];
    const entry = { concept } as { concept: string } & Record<Language, readonly string[]>;
    COLUMNS.forEach((language, index) => {
      entry[language] = Object.freeze((lists[index] as string).split(/\s+/).filter(Boolean));
    });
    concepts.push(Object.freeze(entry));
  }
  return concepts;
}

export const IT_VOCABULARY: ReadonlyArray<ItConcept> = Object.freeze(parse(TABLE));

/** How much longer than a prefix-term a word may be and still count as that concept's word. */
const MAX_EXTRA = 3;

type Lookup = { exact: Map<string, number[]>; prefix: Map<string, number[]>; terms: string[][] };

function addTo(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (!list.includes(index)) list.push(index);
}

function buildLookup(): Lookup {
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  const terms = IT_VOCABULARY.map((concept, index) => {
    const all = new Set<string>();
    for (const language of COLUMNS)
      for (const term of concept[language]) {
        all.add(term);
        if (term.includes('_')) continue; // a phrase is never one word
        const whole = term.endsWith('$');
        const bare = whole ? term.slice(0, -1) : term;
        addTo(exact, bare, index);
        if (!whole) addTo(prefix, bare, index);
      }
    return [...all];
  });
  return { exact, prefix, terms };
}

/** Built on the first translation: a deployment without routing rules never pays for it. */
let lookup: Lookup | undefined;
const EMPTY: readonly string[] = Object.freeze([]);
/** Answers already given, by word as written; cleared when full (authors use few words). */
const answers = new Map<string, readonly string[]>();
const MAX_ANSWERS = 5000;

/**
 * The vocabulary's terms for `word` in all six languages, `word` being one word as an author
 * wrote it (normalized; a trailing `$` is ignored). The word belongs to a concept when it is
 * one of the concept's terms or starts with one of its stems and is at most three letters
 * longer ("invoices", "rechnungen", "принтера"). Terms identical to the word (apart from `$`)
 * are left out; an unknown word gives none.
 */
export function translationsOf(word: string): readonly string[] {
  let answer = answers.get(word);
  if (answer) return answer;
  answer = lookUp(word);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(word, answer);
  return answer;
}

function lookUp(word: string): readonly string[] {
  const written = normalize(word.trim());
  const bare = written.endsWith('$') ? written.slice(0, -1) : written;
  if (!bare || /[\s_$]/.test(bare)) return EMPTY;
  lookup ??= buildLookup();
  const concepts = new Set<number>(lookup.exact.get(bare));
  for (let extra = 1; extra <= MAX_EXTRA && bare.length - extra > 0; extra++)
    for (const index of lookup.prefix.get(bare.slice(0, bare.length - extra)) ?? []) concepts.add(index);
  if (concepts.size === 0) return EMPTY;
  const found = new Set<string>();
  for (const index of [...concepts].sort((a, b) => a - b))
    for (const term of lookup.terms[index] as string[])
      if (term !== bare && term !== `${bare}$`) found.add(term);
  return Object.freeze([...found]);
}
