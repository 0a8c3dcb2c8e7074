// The words that decide a classification, in the six languages at once (customers mix them).
// Terms are written normalized (lower case, no accents — see text-normalizer.ts):
//   `drucker`   matches every word that starts with it (drucker, druckers, druckerwarteschlange)
//   `pc$`       matches only the whole word
//   `geht_nicht` is a phrase: consecutive words, each matched as above
//   `ne_*_plus` a `*` in a phrase stands for any one word ("ne se recharge plus")
// Each signal says why it matters (`reason`, shown to agents) and what it votes for.
import type { Fact } from '../required-facts.ts';
import type { Category, Grade } from '../support-model.ts';

export type Kind = 'howto' | 'request' | 'fault';

export type SignalDefinition = {
  id: string;
  reason: string;
  terms: string;
  category?: Partial<Record<Category, number>>;
  level?: Partial<Record<1 | 2 | 3, number>>;
  kind?: Partial<Record<Kind, number>>;
  impact?: Grade;
  urgency?: Grade;
  /** The signal is itself evidence that the customer already gave this fact. */
  fact?: Fact;
};

export const SIGNALS: readonly SignalDefinition[] = [
  // ── what kind of request ────────────────────────────────────────────────────────────────
  {
    id: 'how-to',
    reason: 'asks how to do something',
    terms: `how_do how_can how_to how$ howto where_can where_do where_is is_it_possible
      wie_kann wie_konnen wie_richte wie_andere wie_stelle wie_geht wie$ wo_finde wo_kann ist_es_moglich
      hoe_kan hoe_moet hoe_stel hoe_zet hoe$ waar_vind waar_kan kan_ik
      comment$ ou_trouver est_il_possible puis_je
      como$ donde$ se_puede puedo_cambiar
      как$ где$ каким_образом можно_ли нужно_ли надо_ли
      do_i_have_to should_i do_i_need_to muss_ich soll_ich moet_ik ou_telecharger ou_puis_je ou_est dois_je tengo_que debo
      whats_the what_is_the what_is_my was_ist_der was_ist_die was_ist_das was_ist_mein wie_lautet wat_is_de wat_is_het wat_is_mijn
      quel_est quelle_est cual_es какой_пароль какой_код`,
    kind: { howto: 3 },
  },
  {
    id: 'request',
    reason: 'asks for something to be provided or changed',
    terms: `please_add please_create please_change please_remove please_send need_a need_an need_new would_like request$
      want_to order$ ordering
      bitte_anlegen bitte_einrichten bitte_hinzufug bitte_andern bitte_senden benotige brauche_einen brauche_eine brauchen
      mochte mochten hatte_gerne antrag beantrag bestellen bestellung
      graag nodig zou_graag wil_graag aanvragen aanvraag bestellen toevoegen
      je_voudrais nous_voudrions besoin demande commander ajouter
      necesito necesitamos quisiera solicito solicitud pedir anadir
      нужен нужна нужно прошу просим хотел хотим заказать добавить`,
    kind: { request: 2 },
    level: { 1: 1 },
  },
  {
    id: 'fault',
    reason: 'reports that something does not work',
    terms: `not_working doesnt_work does_not_work dont_work doesnt$ isnt_working wont$ cannot$ cant$ can_not unable
      broken fail$ fails failed failing failure stopped stuck no_longer not_possible problem issue
      funktioniert_nicht geht_nicht ging_nicht klappt_nicht kann_nicht konnen_nicht nicht_mehr kaputt defekt fehlgeschlagen
      problem$ probleme funktioniert_seit geht_seit lasst_sich_nicht
      werkt_niet doet_het_niet kan_niet lukt_niet kapot mislukt probleem storing niet_meer
      ne_marche ne_fonctionne fonctionne_plus marche_plus impossible n$_arrive casse echoue echec probleme panne plus_de
      no_funciona no_puedo no_podemos no_puede no_pueden no_llega no_llegan no_me_deja no_va roto falla fallo problema ya_no error_al no_se_puede
      не_работает не_могу не_можем не_удается не_получается сломал перестал ошибк проблем не_открывает не_запускает
      rejects rejected not_reachable unreachable not_detected not_recognised not_recognized no_dial_tone reboots restarts_itself
      nicht_erreichbar nicht_erkannt wird_nicht lehnt bricht_ab kein_freizeichen startet_neu
      ne_*_plus ne_se_*_plus ne_s$_*_plus ne_*_pas ne_se_*_pas ne_s$_*_pas n$_*_plus n$_*_pas keine_*_mehr kein_*_mehr geen_*_meer deadlock
      kann_*_nicht konnen_*_nicht kan_*_niet kunnen_*_niet
      niet_bereikbaar onbereikbaar niet_herkend weigert geen_kiestoon herstart blijft_hangen
      injoignable plus_reconnue rejette redemarre_tout plus_de_tonalite ne_transmet se_bloque
      no_responde no_se_reconoce rechaza se_reinicia no_tienen_tono no_transmite se_bloquea incomunicad
      недоступ не_определяется отклоняет перезагружается без_гудка не_передает больше_не зависает падает`,
    kind: { fault: 2 },
  },
  {
    // "Down" says that something does not work, not for whom: "my desk printer is down" is one
    // person's fault. How many are hit comes from the scope signals below (many-users,
    // nobody-can, team) or from a shared system.
    id: 'down',
    reason: 'says something is down or out of service',
    terms: `outage down$ is_down are_down went_down offline
      ausgefallen ausfall komplett_weg storing ligt_plat platgelegen uitval
      en_panne hors_service caido caida fuera_de_servicio упал лежит недоступ`,
    kind: { fault: 2 },
  },

  // ── hardware ────────────────────────────────────────────────────────────────────────────
  {
    id: 'computer',
    reason: 'about a computer',
    terms: `laptop notebook pc$ pcs$ computer desktop macbook thinkpad latitude elitebook surface$ rechner
      ordinateur portable$ ordi$ portatil ordenador ноутбук компьютер пк$ ноут$`,
    category: { hardware: 2 },
  },
  {
    id: 'peripheral',
    reason: 'about a peripheral device',
    terms: `monitor screen display bildschirm scherm beeldscherm ecran pantalla экран монитор
      keyboard tastatur toetsenbord clavier teclado клавиатур mouse$ maus$ muis$ souris raton$ мыш
      headset kopfhorer koptelefoon casque auricular наушник гарнитур webcam camera kamera camara камер
      docking dock$ dockingstation station_d$_accueil usb$ hdmi displayport kabel cable кабел charger ladegerat netzteil oplader chargeur cargador зарядк
      battery akku accu batterie bateria батаре аккумулятор`,
    category: { hardware: 2 },
  },
  {
    id: 'device-dead',
    reason: 'a device does not power on or boot',
    terms: `wont_boot wont_start does_not_start doesnt_start doesnt_turn wont_turn no_power black_screen blue_screen bluescreen bsod
      startet_nicht fahrt_nicht_hoch bootet_nicht schwarzer_bildschirm bluescreen geht_nicht_an lasst_sich_nicht_einschalten
      start_niet gaat_niet_aan zwart_scherm blauw_scherm
      ne_demarre ne_s$_allume ecran_noir ecran_bleu
      no_enciende no_arranca pantalla_negra pantalla_azul
      не_включается не_загружается не_запускается черный_экран синий_экран`,
    category: { hardware: 3 },
    level: { 2: 2 },
    kind: { fault: 2 },
  },
  {
    id: 'display-fault',
    reason: 'a screen or device misbehaves',
    terms: `flicker flickers flickering flackert flackern flikkert flikkeren clignote parpadea мерцает мигает blinks blinkt knippert
      black_screen no_signal kein_signal geen_signaal aucun_signal sin_senal нет_сигнала`,
    category: { hardware: 2 },
    level: { 2: 2 },
    kind: { fault: 2 },
  },
  {
    id: 'physical-damage',
    reason: 'physical damage',
    terms: `cracked dropped spilled water_damage smashed gebrochen gesprungen runtergefallen wasserschaden verschuttet
      gebarsten gevallen waterschade fissure tombe renverse cafe_sur roto_la se_cayo derrame разбил уронил залил трещин`,
    category: { hardware: 3 },
    level: { 2: 1 },
    kind: { fault: 1 },
  },
  {
    id: 'printer',
    reason: 'about a printer, copier or scanner',
    terms: `printer printing print$ prints$ printed copier photocopier scanner scanning mfp$ multifunction plotter toner
      drucker druckt drucken ausdruck kopierer kopiergerat scanner scannen multifunktion
      printer printen afdrukken kopieerapparaat scannen
      imprimante imprimer impression photocopieuse copieur scanner numeriser
      impresora imprimir impresion fotocopiadora copiadora escaner escanear
      принтер печат копир сканер мфу$ картридж`,
    category: { hardware: 2 },
  },
  {
    id: 'network-gear',
    reason: 'about network equipment',
    terms: `firewall switch$ switches router access_point accesspoint ap$ wlan_controller
      netzwerkswitch zugangspunkt routeur commutateur pare_feu enrutador cortafuegos punto_de_acceso
      коммутатор маршрутизатор роутер фаервол межсетев точка_доступа`,
    category: { hardware: 2 },
  },
  {
    id: 'storage-appliance',
    reason: 'about a storage appliance',
    terms: `nas$ san$ storage_array speicher_appliance netapp synology qnap powerstore 3par nimble raid$ хранилищ схд$`,
    category: { hardware: 2 },
  },

  // ── software ────────────────────────────────────────────────────────────────────────────
  {
    id: 'application',
    reason: 'names an application',
    terms: `outlook excel word$ powerpoint teams$ ms_office microsoft_office office_365 office_app office365 m365 sap$ windows macos ios$ android chrome firefox edge$ safari
      browser adobe acrobat reader$ zoom$ slack$ sharepoint onedrive dynamics salesforce jira confluence citrix
      navision datev exact$ afas$ sage$ 1с$ 1c$ битрикс`,
    category: { software: 2 },
    fact: 'product',
  },
  {
    id: 'software',
    reason: 'about software',
    terms: `software program$ programs$ programm programma logiciel programa программ application applicatie aplicacion anwendung
      приложени app$ apps$ tool$ client$ add_in addin plugin extension erweiterung
      kassensystem kassasysteem systeme_de_caisse sistema_de_caja кассов систем`,
    category: { software: 2 },
  },
  {
    id: 'install',
    reason: 'installing or updating software',
    terms: `install setup$ installer installation upgrade update updating updated patch$
      installier aktualisier installatie bijwerken geinstalleerd instaleren
      installer$ mise_a_jour mettre_a_jour installe actualiz instalar instalacion
      установ обновлен обновит апгрейд`,
    category: { software: 2 },
    level: { 2: 1 },
  },
  {
    id: 'error-message',
    reason: 'quotes an error',
    terms: `error errors exception fehler fehlermeldung meldung fout foutmelding erreur message_d$_erreur mensaje_de_error
      ошибк сообщение_об_ошибке access_denied zugriff_verweigert toegang_geweigerd acces_refuse acceso_denegado доступ_запрещен
      permission_denied 0x8 stack_trace`,
    category: { software: 1 },
    kind: { fault: 1 },
    level: { 2: 1 },
    // Not evidence of the error text: "I get an error" does not say which (fact-reading.ts reads
    // codes, quoted messages, beeps and lights).
  },
  {
    id: 'crash',
    reason: 'an application crashes or hangs',
    terms: `crash crashes crashed crashing freezes freeze frozen hangs hanging hung not_responding keeps_closing
      absturz sturzt sturtzt abgesturzt hangt friert eingefroren reagiert_nicht schliesst_sich
      crasht crashed loopt_vast vastgelopen hangt reageert_niet sluit_af bevriest
      plante plantage se_ferme bloque fige ne_repond
      se_cierra se_cuelga colgad congela no_responde bloquea
      вылета зависа завис падает закрывается не_отвечает`,
    category: { software: 2 },
    kind: { fault: 2 },
    level: { 2: 2 },
  },
  {
    id: 'slow',
    reason: 'something is slow',
    terms: `slow very_slow takes_forever langsam dauert_ewig traag erg_traag lent$ lente tres_lent lento muy_lento медленн тормоз`,
    kind: { fault: 1 },
    level: { 2: 1 },
  },
  {
    id: 'sync-import',
    reason: 'synchronisation, import or export fails',
    terms: `sync synchron synchroniz import$ imports importing export$ exporting importier exportier importeer exporteer
      importer exporter importar exportar синхрон импорт экспорт`,
    category: { software: 2 },
    level: { 2: 2 },
  },
  {
    id: 'driver',
    reason: 'a driver or device software',
    terms: `driver treiber stuurprogramma pilote controlador драйвер firmware`,
    category: { software: 1 },
    level: { 2: 1 },
  },

  // ── expert work (level 3) ───────────────────────────────────────────────────────────────
  {
    id: 'integration',
    reason: 'single sign-on, tokens, APIs or interfaces between systems',
    terms: `sso$ single_sign saml oauth oidc openid jwt$ token tokens api$ apis$ rest_api endpoint webhook interface integration
      schnittstelle anbindung koppeling koppelvlak integratie interface$ integracion интеграц апи$ ldap$ active_directory azure_ad entra$ entra_id
      scim$ edi$ connector`,
    // The guide: single sign-on, token and interface errors are software, even when the symptom
    // is that people cannot sign in (an account word).
    category: { software: 5 },
    level: { 3: 5 },
  },
  {
    id: 'batch-job',
    reason: 'a scheduled or batch job',
    terms: `nightly nachtlich nachtjob nachtelijk nocturn ночн batch$ job$ jobs$ cron cronjob scheduler scheduled geplante
      tache_planifiee tarea_programada задани регламент deadlock deadlocks blockiert_sich impasse`,
    category: { software: 3 },
    level: { 3: 5 },
  },
  {
    id: 'data-wrong',
    reason: 'wrong, missing or corrupt data',
    terms: `wrong_totals wrong_total wrong_numbers wrong_data wrong_values incorrect_totals incorrect_data data_loss corrupt corrupted duplicated_records
      falsche_summe falsche_summen falsche_werte falsche_zahlen falsche_daten datenverlust beschadigt
      verkeerde_totalen verkeerde_bedragen foute_totalen onjuiste dataverlies corrupt
      totaux_faux montants_faux donnees_incorrectes perte_de_donnees corrompu
      totales_incorrectos datos_incorrectos importes_incorrectos perdida_de_datos corrupto
      неверн_сумм неправильн_сумм неверн_данн неправильн_данн неверн_итог неправильн_итог потеря_данных поврежден сумм_не`,
    category: { software: 2 },
    level: { 3: 4 },
    kind: { fault: 1 },
  },
  {
    id: 'report-query',
    reason: 'a report or database query',
    terms: `report reports reporting bericht berichte auswertung rapport rapportage rapporten informe informes reporte отчет
      query queries abfrage database datenbank databank base_de_donnees base_de_datos баз_данн бд$ sql$ dashboard`,
    category: { software: 2 },
    level: { 3: 1 },
  },
  {
    id: 'defect',
    reason: 'looks like a product defect',
    terms: `bug$ bugs$ defect regression since_the_update since_the_upgrade after_the_update after_the_upgrade nach_dem_update nach_dem_upgrade
      seit_dem_update seit_dem_upgrade na_de_update sinds_de_update depuis_la_mise_a_jour apres_la_mise_a_jour desde_la_actualizacion tras_la_actualizacion
      после_обновлен баг$ дефект`,
    category: { software: 2 },
    level: { 3: 1, 2: 1 },
  },
  {
    id: 'performance-system',
    reason: 'a system is degraded for many users',
    terms: `performance timeouts timeout time_out latency 500$ 502$ 503$ 504$ internal_server_error server_error gateway
      zeituberschreitung antwortzeit prestaties trage_reactie temps_de_reponse rendimiento тайм_аут таймаут производительност`,
    category: { software: 2 },
    level: { 3: 2 },
  },
  {
    id: 'security',
    reason: 'a possible security incident',
    terms: `hacked hack$ ransomware malware virus trojan breach compromised clicked_a_link clicked_on_a_link suspicious_login
      gehackt verschlusselt schadsoftware virus$ angriff gehackt kompromittiert
      gehackt versleuteld besmet aanval pirate piratage rancongiciel attaque hackeado secuestro ataque
      взлом вирус шифровальщик атак заражен`,
    category: { software: 2 },
    level: { 3: 5 },
    urgency: 'high',
  },

  // ── services and requests (level 1) ─────────────────────────────────────────────────────
  {
    id: 'account-access',
    reason: 'about an account or access rights',
    terms: `account accounts user_account login$ log_in logon sign_in access$ permission permissions rights authoriz username
      konto benutzer zugang zugriff berechtigung rechte anmelden anmeldung
      gebruiker toegang rechten inloggen aanmelden
      compte acces droits autorisation identifiant connecter connexion
      cuenta usuario acceso permisos derechos iniciar_sesion
      учетн учётн аккаунт доступ права логин войти вход send_as`,
    category: { service: 2 },
    level: { 1: 1.5 },
  },
  {
    id: 'password',
    reason: 'about a password or sign-in factor',
    terms: `password passwort kennwort wachtwoord mot_de_passe mdp$ contrasena clave$ пароль
      mfa$ 2fa$ two_factor authenticator zwei_faktor tweestaps double_authentification doble_factor двухфактор
      locked_out gesperrt geblokkeerd bloque bloqueada заблокирован`,
    category: { service: 3 },
    level: { 1: 1 },
  },
  {
    id: 'billing',
    reason: 'about invoices, billing or payment',
    terms: `invoice invoices billing billed bill$ vat$ payment refund credit_note charged overcharged
      rechnung rechnungen abrechnung mwst ust$ umsatzsteuer zahlung gutschrift lastschrift
      factuur facturen btw$ betaling creditnota factura facturas iva$ pago cobro abono reembolso
      facture factures tva$ paiement avoir remboursement
      счет$ счета счету счёт фактур ндс$ оплат возврат`,
    category: { service: 3 },
    level: { 1: 4 },
  },
  {
    id: 'charged-twice',
    reason: 'a payment went wrong',
    terms: `charged_twice twice double_payment doppelt zweimal dubbel twee_keer deux_fois en_double dos_veces duplicad дважды`,
    category: { service: 2 },
    level: { 1: 2 },
    urgency: 'medium',
  },
  {
    id: 'licence',
    reason: 'about licences or subscriptions',
    terms: `licence license licences licenses licensing seat$ seats subscription renewal
      lizenz lizenzen abonnement abo$ verlangerung licentie licenties verlenging
      licence licences abonnement renouvellement licencia licencias suscripcion renovacion
      лиценз подписк продлен`,
    category: { service: 3 },
    level: { 1: 3 },
  },
  {
    id: 'order',
    reason: 'an order or purchase',
    terms: `order$ purchase buy$ quote$ quotation delivery bestellung bestellen kaufen angebot lieferung
      bestelling bestellen offerte levering commande commander devis livraison pedido comprar presupuesto entrega
      заказ закуп купить доставк`,
    category: { service: 2 },
    level: { 1: 3 },
  },
  {
    id: 'people-change',
    reason: 'joiner, mover or leaver',
    terms: `new_employee new_colleague new_hire starter$ joiner leaver onboarding offboarding leaves_the_company
      neuer_mitarbeiter neue_mitarbeiterin neuen_mitarbeiter neue_kollegin neuer_kollege austritt verlasst_das_unternehmen
      nieuwe_medewerker nieuwe_collega uit_dienst in_dienst
      nouvel_employe nouveau_collaborateur nouvelle_collaboratrice arrivee$ depart$
      nuevo_empleado nueva_empleada nuevo_companero alta$ baja$
      новый_сотрудник новая_сотрудница новому_сотруднику увольнен`,
    category: { service: 3 },
    level: { 1: 3 },
  },
  {
    id: 'name-change',
    reason: 'a change of name',
    terms: `surname name_change got_married nachname namensanderung heirat achternaam naamswijziging nom_de_famille apellido фамили`,
    category: { service: 3 },
    level: { 1: 3 },
  },
  {
    id: 'mail-service',
    reason: 'about email',
    terms: `email e_mail mail$ mails$ mailbox inbox postfach posteingang mailbox inbox boite_mail courriel correo buzon почт ящик
      out_of_office signature abwesenheit afwezig absence respuesta_automatica автоответ handtekening firma$ подпис`,
    category: { service: 2 },
  },
  {
    id: 'network-service',
    reason: 'about VPN, Wi-Fi or the network',
    terms: `vpn$ wifi wi_fi wlan$ wireless network internet netzwerk netwerk reseau red_wifi conexion сеть сети интернет вайфай`,
    category: { service: 1 },
  },
  {
    id: 'question',
    reason: 'a general question',
    terms: `question quick_question frage kurze_frage vraag vraagje petite_question pregunta consulta вопрос`,
    kind: { howto: 1 },
    level: { 1: 1 },
    urgency: 'low',
  },

  // ── impact ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'many-users',
    reason: 'many users or the whole organisation are affected',
    terms: `all_users all_staff all_employees everyone everybody whole_company entire_company whole_office entire_office all_of_us
      alle_benutzer alle_mitarbeiter alle_kollegen ganze_firma ganzen_firma gesamte_firma ganze_unternehmen ganzen_standort
      alle_betroffen
      alle_gebruikers iedereen hele_bedrijf heel_kantoor alle_medewerkers
      tous_les_utilisateurs tout_le_monde toute_l$_entreprise tous_les_employes tous_les_collaborateurs
      todos_los_usuarios toda_la_empresa toda_la_oficina todo_el_mundo
      все_пользователи всех_пользователей все_сотрудники всех_сотрудников весь_офис вся_компания
      all_our_users all_of_our_users all_our_employees all_our_staff all_our_customers all_of_our_customers all_customers
      all_our_clients all_our_stores all_stores all_our_sites all_sites all_branches all_departments across_the_company
      company_wide companywide organisation_wide organization_wide the_entire_organi the_whole_organi
      gesamte_belegschaft alle_mitarbeitenden alle_unsere_kunden alle_kunden allen_filialen alle_filialen allen_standorten
      alle_standorte gesamte_unternehmen gesamten_unternehmen unternehmensweit ganze_belegschaft
      al_onze_klanten alle_klanten alle_winkels alle_vestigingen hele_organisatie
      l$_ensemble_des_utilisateurs l$_ensemble_des_collaborateurs l$_ensemble_du_personnel tous_nos_clients
      tous_nos_magasins toutes_nos_agences tous_nos_sites tous_les_collaborateurs_du toute_la_societe
      todos_nuestros_clientes todas_nuestras_tiendas todas_las_tiendas todas_nuestras_oficinas toda_la_plantilla
      ninguno_de_nuestros ninguna_persona todos_los_empleados
      всех_клиентов все_клиенты всей_компании все_филиалы всех_филиалов`,
    impact: 'high',
    fact: 'affectedUsers',
  },
  {
    // "Nobody can …" is both the scope and the fault: whatever follows does not work for anyone.
    // "Nobody hears me" is the writer alone (only-me, below, wins).
    id: 'nobody-can',
    reason: 'nobody can work: everyone is affected',
    terms: `nobody no_one noone not_a_single_user no_user
      niemand keiner_kann kein_benutzer kein_mitarbeiter
      geen_enkele_gebruiker geen_gebruiker
      personne_ne_peut personne_ne_peuvent personne_dans personne_au personne_n$ aucun_utilisateur aucun_collaborateur
      nadie ningun_usuario ningun_empleado
      никто ни_один_пользователь ни_один_сотрудник
      none_of_our niemand_op niemand_in personne_dans_l$_entreprise aucun_de_nos ningun_miembro`,
    impact: 'high',
    kind: { fault: 2 },
    fact: 'affectedUsers',
  },
  {
    id: 'business-stopped',
    reason: 'a business process has stopped',
    terms: `production_is production_stopped production_down cannot_invoice cant_invoice customers_cannot customers_cant cannot_ship checkout till$
      produktion_steht produktion_steht_still keine_rechnungen kunden_konnen_nicht kasse kassensystem versand_steht
      productie_ligt productie_staat klanten_kunnen_niet kassa$
      production_arretee production_bloquee clients_ne_peuvent caisse$
      produccion_parada clientes_no_pueden caja$
      производство_стоит остановил клиенты_не_могут касса не_можем_принимать
      cannot_take_calls cant_take_calls reception_cant niet_afrekenen ne_pouvons_plus_encaisser no_podemos_cobrar`,
    level: { 3: 3 },
    impact: 'high',
    urgency: 'high',
  },
  {
    id: 'customers-affected',
    reason: 'customers or orders are affected',
    terms: `customers orders$ webshop checkout losing_orders kunden$ bestellungen klanten$ bestellingen commandes
      clientes pedidos клиент заказы$ заказов$ интернет_магазин boutique_en_ligne tienda_online`,
    urgency: 'high',
  },
  {
    id: 'team',
    reason: 'a team or department is affected',
    terms: `team$ department dept$ colleagues several_users several_people whole_team our_team the_team
      abteilung team$ kollegen mehrere ganze_team unser_team buchhaltung vertrieb
      afdeling collega collegas meerdere ons_team het_team boekhouding
      service_comptabilite equipe collegues plusieurs toute_l$_equipe
      departamento equipo companeros varios varias todo_el_equipo contabilidad
      отдел команд коллег несколько бухгалтери
      whole_floor ganze_etage hele_verdieping tout_l$_etage toda_la_planta весь_этаж
      entire_team entire_department whole_department gesamte_abteilung ganze_abteilung gesamte_team
      hele_afdeling tout_le_service toute_l$_equipe todo_el_departamento весь_отдел всего_отдела`,
    impact: 'medium',
  },
  {
    // The words of 'team' that say who is hit. A department alone is a group when it is hit ("die
    // Buchhaltung kann nicht drucken") but a place when a device stands there ("Принтер в
    // бухгалтерии"): fact-reading.ts tells which.
    id: 'team-affected',
    reason: 'a team is named',
    terms: `team$ colleagues several_users several_people whole_team our_team the_team
      kollegen mehrere ganze_team unser_team
      collega collegas meerdere ons_team het_team
      equipe collegues plusieurs toute_l$_equipe
      equipo companeros varios varias todo_el_equipo
      команд коллег несколько
      whole_floor ganze_etage hele_verdieping tout_l$_etage toda_la_planta весь_этаж
      entire_team entire_department whole_department gesamte_abteilung ganze_abteilung gesamte_team
      hele_afdeling tout_le_service toute_l$_equipe todo_el_departamento весь_отдел всего_отдела`,
    fact: 'affectedUsers',
  },
  {
    id: 'only-me',
    reason: 'only the writer is affected',
    terms: `only_me just_me only_my only_on_my nur_ich nur_bei_mir nur_mein nur_auf_meinem nur_an_meinem alleen_ik alleen_bij_mij alleen_mijn alleen_op_mijn
      seulement_moi uniquement_moi que_moi uniquement_sur_mon seulement_sur_mon solo_yo solo_a_mi solo_mi solo_en_mi только_у_меня только_я только_мой
      nobody_hears_me niemand_hort_mich niemand_hoort_mij personne_ne_m$_entend nadie_me_oye меня_никто_не`,
    impact: 'low',
    fact: 'affectedUsers',
  },
  {
    id: 'workaround',
    reason: 'a workaround exists',
    terms: `workaround work_around for_now_i meanwhile notlosung umweg behelfs workaround omweg tijdelijk_opgelost
      contournement solution_de_contournement en_attendant solucion_temporal mientras_tanto обходн пока_что`,
    impact: 'low',
  },

  {
    // Harm to the business, said in ordinary words: it stops operations, costs revenue, or puts
    // data at risk. Whoever writes it speaks for the organisation, so it counts for requests too
    // ("Possible data breach – please call me back").
    id: 'business-impact',
    reason: 'the business is harmed: operations, revenue, production or data',
    terms: `our_operations business_operations operations_are affecting_operations affecting_our_operations
      impacting_our_business affecting_our_business business_critical revenue losing_sales lost_sales losing_money
      production_halted production_has_been_halted production_has_stopped production_is_down halted_production
      operations_to_a_standstill standstill
      geschaftsbetrieb betrieb_steht betrieb_ist betriebsablauf umsatz umsatze umsatzeinbuss produktion_ist_unterbrochen
      produktion_unterbrochen produktionsstopp stillstand steht_still stehen_still
      bedrijfsvoering omzet productie_ligt_stil ligt_stil staan_stil
      nos_operations notre_activite l$_ensemble_de_notre_activite chiffre_d$_affaires pertes_de_chiffre production_est_arretee
      production_arretee est_arretee perte_considerable pertes_considerables
      nuestras_operaciones a_nuestras_operaciones nuestro_negocio al_negocio ingresos perdiendo_ventas perdidas_considerables
      esta_parada estan_parados produccion_esta_parada
      выручк работу_всей_компании для_бизнеса остановлен`,
    impact: 'high',
  },
  {
    // A security incident or data loss hits the organisation whoever reports it.
    id: 'security-incident',
    reason: 'a security incident or data loss',
    terms: `data_breach security_breach breach$ security_incident data_leak ransom ransomware compromised data_loss
      lost_data data_is_missing exposed_publicly publicly_accessible
      datenleck datenpanne sicherheitsvorfall losegeld verschlusselt datenverlust kompromittiert offentlich_abrufbar
      offentlich_einsehbar
      datalek beveiligingsincident losgeld gehackt
      violation_de_donnees fuite_de_donnees incident_de_securite rancon rancongiciel compromis perte_de_donnees
      donnees_personnelles_soient_exposees
      brecha_de_seguridad fuga_de_datos violacion_de_datos rescate cifrados perdida_de_datos exposicion_de_datos
      han_desaparecido
      утечк инцидент_информационной_безопасности шифровальщик выкуп зашифрован`,
    impact: 'high',
    urgency: 'high',
  },
  {
    // What the fault costs the writer's work, said in words: more than a nuisance to one person.
    id: 'work-affected',
    reason: 'the fault keeps people from working normally',
    terms: `hinders_my_work hindering_my_work slows_my_work slows_down_my_work affecting_my_work affects_my_work
      impacting_my_work interrupts time_consuming manually by_hand copy_*_by_hand behind_on delaying
      behindert_meine_arbeit beeinträchtigt beeintrachtigt erschwert kaum_moglich manuell von_hand zeitaufwendig
      verzogert aufwandig
      handmatig veel_tijd belemmert
      ralentit perturbe manuellement a_la_main perdre_du_temps charge_de_travail
      dificulta mucha_dificultad manualmente a_mano retrasa
      вручную мешает_работе замедляет`,
    impact: 'medium',
  },
  {
    // Says how often, not how many are affected: "plusieurs fois", "mehrere Male" are not "plusieurs
    // collègues". It votes for nothing; as the longer match it keeps "several" from counting people.
    id: 'repeatedly',
    reason: 'says how often it happens',
    terms: `several_times many_times mehrere_male mehrmals meerdere_keren meerdere_malen plusieurs_fois
      varias_veces muchas_veces несколько_раз`,
  },

  // ── urgency ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'urgent',
    reason: 'the customer says it is urgent',
    terms: `urgent urgently asap$ help_immediately right_now emergency critical as_soon_as_possible
      dringend eilig bitte_sofort notfall kritisch schnellstmoglich so_schnell_wie
      spoed spoedig zo_snel_mogelijk kritiek noodgeval
      urgence critique des_que_possible au_plus_vite
      urgente urgencia lo_antes_posible critico cuanto_antes
      срочно срочн критич авари как_можно_скорее
      immediate_help immediate_assistance immediate_support immediate_attention immediate_response immediate_action
      respond_immediately fix_immediately immediately_escalate right_away highest_priority top_priority as_a_matter_of_urgency without_delay
      time_critical escalate
      umgehend sofortige bitte_sofort sofort_melden sofort_prufen sofort_zuruck sofort_um unverzuglich hochste_prioritat hochster_prioritat hochsten_prioritat hochster_dringlichkeit
      met_spoed onmiddellijk direct_hulp hoogste_prioriteit
      intervention_immediate aide_immediate intervenir_immediatement traiter_immediatement en_urgence toute_urgence plus_brefs_delais priorite_absolue en_priorite
      intervencion_inmediata ayuda_inmediata atencion_inmediata de_inmediato con_urgencia maxima_prioridad maxima_urgencia caracter_urgente
      немедленн в_кратчайшие_сроки`,
    urgency: 'high',
  },
  {
    id: 'deadline',
    reason: 'a deadline is close',
    terms: `deadline today$ tonight this_afternoon before_noon in_an_hour
      heute$ frist bis_heute heute_abend heute_nachmittag in_einer_stunde
      vandaag$ vanavond deadline vanmiddag binnen_een_uur
      aujourdhui ce_soir cet_apres_midi avant_midi echeance
      hoy$ esta_tarde esta_noche fecha_limite vence_manana
      сегодня$ дедлайн срок_завтра до_вечера
      tomorrow morgen$ demain$ deadline_is
      audit go_live golive launch payroll_run end_of_month month_end end_of_quarter quarter_end year_end
      by_monday by_tuesday by_wednesday by_thursday by_friday before_friday is_friday due_tonight market_open markets_open
      monatsabschluss jahresabschluss quartalsabschluss bis_freitag bis_montag wirtschaftsprufer gehaltsabrechnung
      lohnabrechnung morgen_fruh
      maandafsluiting voor_vrijdag uiterlijk
      date_limite demain_matin apres_demain avant_vendredi d$_ici_vendredi prevue_vendredi fichier_de_virement
      cierre_de_mes cierre_trimestral vence_el_plazo manana_por_la_manana manana_antes pasado_manana es_el_viernes antes_del_viernes hasta_el_viernes
      licitacion nominas
      закрытие_месяца до_пятницы завтра`,
    urgency: 'high',
  },
  {
    id: 'not-urgent',
    reason: 'the customer says it is not urgent',
    terms: `not_urgent no_rush no_hurry when_you_have_time whenever low_priority cosmetic next_week next_month
      nicht_dringend nicht_eilig keine_eile wenn_sie_zeit wenn_ihr_zeit kosmetisch nachste_woche nachsten_monat
      niet_dringend geen_haast geen_spoed als_jullie_tijd volgende_week volgende_maand
      pas_urgent rien_d$_urgent quand_vous_aurez semaine_prochaine mois_prochain
      no$_es_urgente no$_corre_prisa sin_prisa cuando_tengan cuando_puedan proxima_semana proximo_mes
      не_срочно несрочно когда_будет_время на_следующей_неделе в_следующем_месяце
      nothing_urgent rien_d$_urgent nada_urgente
      no_urgency not_time_critical at_your_convenience in_the_coming_weeks es_eilt_nicht eilt_nicht kein_dringendes
      nicht_zeitkritisch rien_ne_presse votre_plus_grande_convenance ne_presse_pas no_hay_prisa no$_es_urgente
      не_срочн вопрос_не_срочный geen_haast niet_urgent`,
    urgency: 'low',
  },
  {
    // Asks for information, not for a repair: low urgency unless the text shows a fault or a deadline.
    id: 'information-request',
    reason: 'asks for information',
    terms: `would_like_to_know like_to_inquire to_inquire inquire_about inquiry information_about information_on
      general_question just_a_question request_information more_information documentation for_our_planning
      mochte_wissen wurde_gerne_wissen mochte_mich_erkundigen erkundigen informationen_uber informationen_zu
      allgemeine_frage informationsmaterial interessiert_mich interessieren_uns
      graag_informatie informatie_over zou_graag_weten algemene_vraag
      souhaiterais_savoir voudrais_savoir aimerais_savoir renseignements informations_sur question_generale
      titre_d$_information
      me_gustaria_saber quisiera_saber informacion_sobre solicitar_informacion pregunta_general consulta_general
      хотел_бы_узнать хотелось_бы_узнать информацию_о общий_вопрос`,
    urgency: 'low',
  },

  // ── facts the customer already gave ─────────────────────────────────────────────────────
  // Since when is read by fact-reading.ts ("depuis Salesforce", "desde mi portátil" and "since I
  // need it" say no time); these phrases stay so that "heute Morgen" outvotes the deadline "morgen".
  {
    id: 'since',
    reason: 'says since when',
    terms: `since$ yesterday this_morning last_week since_monday seit$ gestern heute_morgen heute_fruh letzte_woche seit_montag
      sinds$ sinds_gisteren gisteren vanochtend vorige_week depuis$ hier$ ce_matin la_semaine_derniere
      desde$ ayer$ esta_manana la_semana_pasada с_утра вчера$ со_вчерашнего с_понедельника с_прошлой после_обновлен`,
  },
];
