//! Interface strings in English, French, German, Italian, Russian and Spanish.
//!
//! One `Strings` value per language: a missing string is a compile error. Templates use `{}` for
//! their arguments, in order (see [`fill`]). Dates are not here: the browser's `Intl` formats them.

use crate::model::{Category, Lang};

/// Every interface string.
#[derive(Debug)]
pub struct Strings {
    pub zoom_out: &'static str,
    pub zoom_in: &'static str,
    pub fit_all: &'static str,
    pub earlier: &'static str,
    pub later: &'static str,
    pub zoom_group: &'static str,
    /// `{label}`, `{n sessions}`.
    pub open_sessions: &'static str,
    pub show_list: &'static str,
    pub show_timeline: &'static str,
    pub lanes_shown: &'static str,
    /// `{range}`.
    pub showing: &'static str,
    /// `{unit}`.
    pub axis_in: &'static str,
    /// decades, years, months, days, hours, minutes.
    pub units: [&'static str; 6],
    /// `{years}`.
    pub all_events: &'static str,
    pub breadcrumb: &'static str,
    pub periods: &'static str,
    /// `{n events}`.
    pub in_time_order: &'static str,
    /// `{n}`, `{m}`.
    pub n_of_m: &'static str,
    /// `{n more events}`, `{lane}`, `{from}`, `{to}`.
    pub cluster: &'static str,
    pub skip: &'static str,
    pub end: &'static str,
    /// `{title, date}`.
    pub opened: &'static str,
    /// `{label}`.
    pub sessions_of: &'static str,
    /// `{id}`.
    pub no_entry: &'static str,
    /// `{reason}`.
    pub bad_start: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub try_again: &'static str,
    pub kind_event: &'static str,
    pub kind_session: &'static str,
    pub kind_period: &'static str,
    pub close: &'static str,
    pub part_of: &'static str,
    pub about_sources: &'static str,
    /// `{n}`.
    pub sessions_heading: &'static str,
    pub open_by_day: &'static str,
    pub actors: &'static str,
    pub sources: &'static str,
    pub new_tab: &'static str,
    /// `{title}`.
    pub previous: &'static str,
    /// `{title}`.
    pub next: &'static str,
    pub prev_next: &'static str,
    pub exact_dates_unknown: &'static str,
    pub month_day_unknown: &'static str,
    pub day_unknown: &'static str,
    pub approximate: &'static str,
    pub end_unknown: &'static str,
    /// `{n}`.
    pub day_n: &'static str,
    pub day_not_reported: &'static str,
    pub no_session: &'static str,
    pub foot_timed: &'static str,
    pub foot_order: &'static str,
    /// `{date}`.
    pub about: &'static str,
    /// `{date}`.
    pub from: &'static str,
    /// Singular and plural (Russian: one, few, many).
    pub session_forms: [&'static str; 3],
    pub event_forms: [&'static str; 3],
    pub day_forms: [&'static str; 3],
    /// UN, OSCE, Council of Europe, EU, national law, civil society.
    pub categories: [&'static str; 7],
    /// `{url}`.
    pub err_bad_url: &'static str,
    /// `{url}`, `{seconds}`.
    pub err_timeout: &'static str,
    /// `{status}`, `{url}`.
    pub err_status: &'static str,
    /// `{url}`.
    pub err_network: &'static str,
    /// Shown when the widget stops because of an internal error (a bug).
    pub crashed: &'static str,
    /// `{url}`, `{content type}`: the server sent something else than JSON.
    pub err_not_json: &'static str,
    /// `{url}`, `{size}`, `{limit}`.
    pub err_too_big: &'static str,
    /// `{url}`, `{n}`.
    pub err_invalid: &'static str,
}

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push_str(args.get(i).copied().unwrap_or(""));
        out.push_str(part);
    }
    out
}

impl Strings {
    /// "3 sessions", "3 заседания", …
    pub fn count(&self, lang: Lang, n: usize, forms: &[&'static str; 3]) -> String {
        format!("{n} {}", forms.get(plural(lang, n)).copied().unwrap_or_default())
    }

    /// The label of a lane.
    pub fn category(&self, c: Category) -> &'static str {
        let i = Category::ALL.iter().position(|x| *x == c).unwrap_or(0);
        self.categories.get(i).copied().unwrap_or_default()
    }
}

/// Which plural form: 0 = one, 1 = other (few in Russian), 2 = many (Russian only).
pub fn plural(lang: Lang, n: usize) -> usize {
    match lang {
        Lang::Ru => {
            let (m10, m100) = (n % 10, n % 100);
            if m10 == 1 && m100 != 11 {
                0
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                1
            } else {
                2
            }
        }
        Lang::Fr => usize::from(n > 1),
        _ => usize::from(n != 1),
    }
}

/// The strings of a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::De => &DE,
        Lang::It => &IT,
        Lang::Ru => &RU,
        Lang::Es => &ES,
    }
}

static EN: Strings = Strings {
    zoom_out: "Zoom out",
    zoom_in: "Zoom in",
    fit_all: "Fit all",
    earlier: "Earlier",
    later: "Later",
    zoom_group: "Zoom and move",
    open_sessions: "Open {} ({})",
    show_list: "Show as list",
    show_timeline: "Show as timeline",
    lanes_shown: "Lanes shown",
    showing: "Showing {}",
    axis_in: "axis in {}",
    units: ["decades", "years", "months", "days", "hours", "minutes"],
    all_events: "All events, {}",
    breadcrumb: "Breadcrumb",
    periods: "Periods",
    in_time_order: "{} in time order",
    n_of_m: "{} of {}",
    cluster: "{} more {} events, {} to {}: zoom in",
    skip: "Skip the timeline",
    end: "End of the timeline",
    opened: "Opened: {}",
    sessions_of: "Sessions of {}",
    no_entry: "There is no entry “{}” in this timeline; showing the whole timeline.",
    bad_start: "Could not use the start setting: {}.",
    loading: "Loading the timeline…",
    load_failed: "The timeline could not be loaded",
    try_again: "Try again",
    kind_event: "Event",
    kind_session: "Session",
    kind_period: "Period",
    close: "Close details",
    part_of: "Part of",
    about_sources: "About the sources:",
    sessions_heading: "Sessions ({})",
    open_by_day: "Open the sessions by day ▸",
    actors: "Actors",
    sources: "Sources",
    new_tab: "(opens in a new tab)",
    previous: "← Previous: {}",
    next: "Next: {} →",
    prev_next: "Previous and next",
    exact_dates_unknown: "exact dates not reported",
    month_day_unknown: "month and day not reported",
    day_unknown: "day not reported",
    approximate: "approximate",
    end_unknown: "end not reported",
    day_n: "Day {}",
    day_not_reported: "Day not reported",
    no_session: "No session reported for this day.",
    foot_timed: "Sessions are placed by their time where the sources give it, otherwise in the order the sources report them.",
    foot_order: "Sessions are listed in the order the sources report them; the sources give no times.",
    about: "about {}",
    from: "from {}",
    session_forms: ["session", "sessions", "sessions"],
    event_forms: ["event", "events", "events"],
    day_forms: ["day", "days", "days"],
    categories: ["UN", "OSCE", "Council of Europe", "EU", "National law", "Civil society", "Other"],
    err_bad_url: "“{}” is not a web address the timeline can load (use http, https or a relative path).",
    err_timeout: "The data file at {} did not arrive within {} seconds.",
    err_status: "The server answered “{}” for {}.",
    err_network: "The data file at {} could not be fetched: the server is unreachable, or it does not allow this page to read the file (CORS: it must send Access-Control-Allow-Origin).",
    crashed: "The timeline stopped because of an internal error. Reload the page to see it again.",
    err_not_json: "The address {} sent {} (such as a web page), not a JSON data file.",
    err_too_big: "The data file at {} is {} MB; the limit is {} MB.",
    err_invalid: "The data file at {} has {} problem(s).",
};

static FR: Strings = Strings {
    zoom_out: "Dézoomer",
    zoom_in: "Zoomer",
    fit_all: "Tout afficher",
    earlier: "Plus tôt",
    later: "Plus tard",
    zoom_group: "Zoom et déplacement",
    open_sessions: "Ouvrir {} ({})",
    show_list: "Afficher en liste",
    show_timeline: "Afficher la frise",
    lanes_shown: "Catégories affichées",
    showing: "Période affichée : {}",
    axis_in: "axe en {}",
    units: ["décennies", "années", "mois", "jours", "heures", "minutes"],
    all_events: "Tous les événements, {}",
    breadcrumb: "Fil d'Ariane",
    periods: "Périodes",
    in_time_order: "{} par ordre chronologique",
    n_of_m: "{} sur {}",
    cluster: "{} autres événements ({}), du {} au {} : zoomer",
    skip: "Passer la frise",
    end: "Fin de la frise",
    opened: "Ouvert : {}",
    sessions_of: "Séances : {}",
    no_entry: "Aucune entrée « {} » dans cette frise ; affichage de la frise entière.",
    bad_start: "Réglage de départ inutilisable : {}.",
    loading: "Chargement de la frise…",
    load_failed: "La frise n'a pas pu être chargée",
    try_again: "Réessayer",
    kind_event: "Événement",
    kind_session: "Séance",
    kind_period: "Période",
    close: "Fermer les détails",
    part_of: "Fait partie de",
    about_sources: "À propos des sources :",
    sessions_heading: "Séances ({})",
    open_by_day: "Ouvrir les séances par jour ▸",
    actors: "Acteurs",
    sources: "Sources",
    new_tab: "(s'ouvre dans un nouvel onglet)",
    previous: "← Précédent : {}",
    next: "Suivant : {} →",
    prev_next: "Précédent et suivant",
    exact_dates_unknown: "dates exactes non communiquées",
    month_day_unknown: "mois et jour non communiqués",
    day_unknown: "jour non communiqué",
    approximate: "approximatif",
    end_unknown: "fin non communiquée",
    day_n: "Jour {}",
    day_not_reported: "Jour non communiqué",
    no_session: "Aucune séance signalée pour ce jour.",
    foot_timed: "Les séances sont placées selon leur heure quand les sources la donnent, sinon dans l'ordre où les sources les citent.",
    foot_order: "Les séances sont listées dans l'ordre où les sources les citent ; les sources ne donnent pas d'heure.",
    about: "vers {}",
    from: "depuis {}",
    session_forms: ["séance", "séances", "séances"],
    event_forms: ["événement", "événements", "événements"],
    day_forms: ["jour", "jours", "jours"],
    categories: ["ONU", "OSCE", "Conseil de l'Europe", "UE", "Droit national", "Société civile", "Autres"],
    err_bad_url: "« {} » n'est pas une adresse que la frise peut charger (utilisez http, https ou un chemin relatif).",
    err_timeout: "Le fichier de données {} n'est pas arrivé en {} secondes.",
    err_status: "Le serveur a répondu « {} » pour {}.",
    err_network: "Le fichier de données {} n'a pas pu être récupéré : le serveur est injoignable, ou il n'autorise pas cette page à lire le fichier (CORS : il doit envoyer Access-Control-Allow-Origin).",
    crashed: "La frise s'est arrêtée à cause d'une erreur interne. Rechargez la page pour la revoir.",
    err_not_json: "L'adresse {} a renvoyé {} (une page web, par exemple), et non un fichier de données JSON.",
    err_too_big: "Le fichier de données {} fait {} Mo ; la limite est de {} Mo.",
    err_invalid: "Le fichier de données {} comporte {} problème(s).",
};

static DE: Strings = Strings {
    zoom_out: "Verkleinern",
    zoom_in: "Vergrößern",
    fit_all: "Alles zeigen",
    earlier: "Früher",
    later: "Später",
    zoom_group: "Zoomen und verschieben",
    open_sessions: "{} öffnen ({})",
    show_list: "Als Liste zeigen",
    show_timeline: "Als Zeitleiste zeigen",
    lanes_shown: "Angezeigte Kategorien",
    showing: "Zeitraum: {}",
    axis_in: "Achse in {}",
    units: ["Jahrzehnten", "Jahren", "Monaten", "Tagen", "Stunden", "Minuten"],
    all_events: "Alle Ereignisse, {}",
    breadcrumb: "Brotkrumen",
    periods: "Zeiträume",
    in_time_order: "{} in zeitlicher Reihenfolge",
    n_of_m: "{} von {}",
    cluster: "{} weitere Ereignisse ({}), {} bis {}: vergrößern",
    skip: "Zeitleiste überspringen",
    end: "Ende der Zeitleiste",
    opened: "Geöffnet: {}",
    sessions_of: "Sitzungen: {}",
    no_entry: "Es gibt keinen Eintrag „{}“ in dieser Zeitleiste; die ganze Zeitleiste wird gezeigt.",
    bad_start: "Die Starteinstellung ist unbrauchbar: {}.",
    loading: "Die Zeitleiste wird geladen…",
    load_failed: "Die Zeitleiste konnte nicht geladen werden",
    try_again: "Erneut versuchen",
    kind_event: "Ereignis",
    kind_session: "Sitzung",
    kind_period: "Zeitraum",
    close: "Details schließen",
    part_of: "Teil von",
    about_sources: "Zu den Quellen:",
    sessions_heading: "Sitzungen ({})",
    open_by_day: "Sitzungen nach Tagen öffnen ▸",
    actors: "Beteiligte",
    sources: "Quellen",
    new_tab: "(öffnet in einem neuen Tab)",
    previous: "← Zurück: {}",
    next: "Weiter: {} →",
    prev_next: "Zurück und weiter",
    exact_dates_unknown: "genaue Daten nicht angegeben",
    month_day_unknown: "Monat und Tag nicht angegeben",
    day_unknown: "Tag nicht angegeben",
    approximate: "ungefähr",
    end_unknown: "Ende nicht angegeben",
    day_n: "Tag {}",
    day_not_reported: "Tag nicht angegeben",
    no_session: "Für diesen Tag ist keine Sitzung angegeben.",
    foot_timed: "Sitzungen stehen nach ihrer Uhrzeit, wo die Quellen sie nennen, sonst in der Reihenfolge der Quellen.",
    foot_order: "Sitzungen stehen in der Reihenfolge der Quellen; die Quellen nennen keine Uhrzeiten.",
    about: "etwa {}",
    from: "ab {}",
    session_forms: ["Sitzung", "Sitzungen", "Sitzungen"],
    event_forms: ["Ereignis", "Ereignisse", "Ereignisse"],
    day_forms: ["Tag", "Tage", "Tage"],
    categories: ["UN", "OSZE", "Europarat", "EU", "Nationales Recht", "Zivilgesellschaft", "Sonstiges"],
    err_bad_url: "„{}“ ist keine Adresse, die die Zeitleiste laden kann (http, https oder ein relativer Pfad).",
    err_timeout: "Die Datendatei {} ist nicht innerhalb von {} Sekunden angekommen.",
    err_status: "Der Server antwortete „{}“ für {}.",
    err_network: "Die Datendatei {} konnte nicht geladen werden: Der Server ist nicht erreichbar oder erlaubt dieser Seite nicht, die Datei zu lesen (CORS: Er muss Access-Control-Allow-Origin senden).",
    crashed: "Die Zeitleiste wurde wegen eines internen Fehlers angehalten. Laden Sie die Seite neu, um sie wieder zu sehen.",
    err_not_json: "Die Adresse {} lieferte {} (etwa eine Webseite), keine JSON-Datendatei.",
    err_too_big: "Die Datendatei {} ist {} MB groß; die Grenze liegt bei {} MB.",
    err_invalid: "Die Datendatei {} hat {} Problem(e).",
};

static IT: Strings = Strings {
    zoom_out: "Riduci",
    zoom_in: "Ingrandisci",
    fit_all: "Mostra tutto",
    earlier: "Prima",
    later: "Dopo",
    zoom_group: "Zoom e spostamento",
    open_sessions: "Apri {} ({})",
    show_list: "Mostra come elenco",
    show_timeline: "Mostra come cronologia",
    lanes_shown: "Categorie mostrate",
    showing: "Periodo mostrato: {}",
    axis_in: "asse in {}",
    units: ["decenni", "anni", "mesi", "giorni", "ore", "minuti"],
    all_events: "Tutti gli eventi, {}",
    breadcrumb: "Percorso",
    periods: "Periodi",
    in_time_order: "{} in ordine cronologico",
    n_of_m: "{} di {}",
    cluster: "altri {} eventi ({}), dal {} al {}: ingrandisci",
    skip: "Salta la cronologia",
    end: "Fine della cronologia",
    opened: "Aperto: {}",
    sessions_of: "Sessioni: {}",
    no_entry: "Nessuna voce «{}» in questa cronologia; viene mostrata la cronologia intera.",
    bad_start: "Impostazione iniziale non utilizzabile: {}.",
    loading: "Caricamento della cronologia…",
    load_failed: "Non è stato possibile caricare la cronologia",
    try_again: "Riprova",
    kind_event: "Evento",
    kind_session: "Sessione",
    kind_period: "Periodo",
    close: "Chiudi i dettagli",
    part_of: "Parte di",
    about_sources: "Sulle fonti:",
    sessions_heading: "Sessioni ({})",
    open_by_day: "Apri le sessioni per giorno ▸",
    actors: "Attori",
    sources: "Fonti",
    new_tab: "(si apre in una nuova scheda)",
    previous: "← Precedente: {}",
    next: "Successivo: {} →",
    prev_next: "Precedente e successivo",
    exact_dates_unknown: "date esatte non riportate",
    month_day_unknown: "mese e giorno non riportati",
    day_unknown: "giorno non riportato",
    approximate: "approssimativo",
    end_unknown: "fine non riportata",
    day_n: "Giorno {}",
    day_not_reported: "Giorno non riportato",
    no_session: "Nessuna sessione riportata per questo giorno.",
    foot_timed: "Le sessioni sono collocate secondo l'ora quando le fonti la indicano, altrimenti nell'ordine delle fonti.",
    foot_order: "Le sessioni sono elencate nell'ordine delle fonti; le fonti non indicano orari.",
    about: "circa {}",
    from: "dal {}",
    session_forms: ["sessione", "sessioni", "sessioni"],
    event_forms: ["evento", "eventi", "eventi"],
    day_forms: ["giorno", "giorni", "giorni"],
    categories: ["ONU", "OSCE", "Consiglio d'Europa", "UE", "Diritto nazionale", "Società civile", "Altro"],
    err_bad_url: "«{}» non è un indirizzo che la cronologia può caricare (usare http, https o un percorso relativo).",
    err_timeout: "Il file di dati {} non è arrivato entro {} secondi.",
    err_status: "Il server ha risposto «{}» per {}.",
    err_network: "Non è stato possibile ottenere il file di dati {}: il server non è raggiungibile o non consente a questa pagina di leggere il file (CORS: deve inviare Access-Control-Allow-Origin).",
    crashed: "La cronologia si è interrotta per un errore interno. Ricarica la pagina per vederla di nuovo.",
    err_not_json: "L'indirizzo {} ha inviato {} (ad esempio una pagina web), non un file di dati JSON.",
    err_too_big: "Il file di dati {} è di {} MB; il limite è {} MB.",
    err_invalid: "Il file di dati {} ha {} problema/i.",
};

static RU: Strings = Strings {
    zoom_out: "Уменьшить",
    zoom_in: "Увеличить",
    fit_all: "Показать всё",
    earlier: "Раньше",
    later: "Позже",
    zoom_group: "Масштаб и перемещение",
    open_sessions: "Открыть: {} ({})",
    show_list: "Показать списком",
    show_timeline: "Показать шкалу",
    lanes_shown: "Показанные категории",
    showing: "Показан период: {}",
    axis_in: "шкала: {}",
    units: ["десятилетия", "годы", "месяцы", "дни", "часы", "минуты"],
    all_events: "Все события, {}",
    breadcrumb: "Навигация",
    periods: "Периоды",
    in_time_order: "{} в хронологическом порядке",
    n_of_m: "{} из {}",
    cluster: "ещё {} событий ({}), с {} по {}: увеличить",
    skip: "Пропустить шкалу",
    end: "Конец шкалы",
    opened: "Открыто: {}",
    sessions_of: "Заседания: {}",
    no_entry: "Записи «{}» на этой шкале нет; показана вся шкала.",
    bad_start: "Начальная настройка не подходит: {}.",
    loading: "Загрузка шкалы…",
    load_failed: "Не удалось загрузить шкалу",
    try_again: "Повторить",
    kind_event: "Событие",
    kind_session: "Заседание",
    kind_period: "Период",
    close: "Закрыть подробности",
    part_of: "Часть события",
    about_sources: "Об источниках:",
    sessions_heading: "Заседания ({})",
    open_by_day: "Открыть заседания по дням ▸",
    actors: "Участники",
    sources: "Источники",
    new_tab: "(откроется в новой вкладке)",
    previous: "← Предыдущее: {}",
    next: "Следующее: {} →",
    prev_next: "Предыдущее и следующее",
    exact_dates_unknown: "точные даты не сообщаются",
    month_day_unknown: "месяц и день не сообщаются",
    day_unknown: "день не сообщается",
    approximate: "приблизительно",
    end_unknown: "окончание не сообщается",
    day_n: "День {}",
    day_not_reported: "День не сообщается",
    no_session: "Для этого дня заседания не указаны.",
    foot_timed: "Заседания расположены по времени, если его называют источники, иначе в порядке, в котором о них сообщают источники.",
    foot_order: "Заседания перечислены в порядке, в котором о них сообщают источники; время источники не называют.",
    about: "около {}",
    from: "с {}",
    session_forms: ["заседание", "заседания", "заседаний"],
    event_forms: ["событие", "события", "событий"],
    day_forms: ["день", "дня", "дней"],
    categories: ["ООН", "ОБСЕ", "Совет Европы", "ЕС", "Национальное право", "Гражданское общество", "Другое"],
    err_bad_url: "«{}» — не адрес, который может загрузить шкала (используйте http, https или относительный путь).",
    err_timeout: "Файл данных {} не пришёл за {} секунд.",
    err_status: "Сервер ответил «{}» на запрос {}.",
    err_network: "Не удалось получить файл данных {}: сервер недоступен или не разрешает этой странице читать файл (CORS: он должен отправлять Access-Control-Allow-Origin).",
    crashed: "Хронология остановилась из-за внутренней ошибки. Перезагрузите страницу, чтобы увидеть её снова.",
    err_not_json: "По адресу {} пришёл ответ {} (например, веб-страница), а не файл данных JSON.",
    err_too_big: "Файл данных {} весит {} МБ; предел — {} МБ.",
    err_invalid: "В файле данных {} проблем: {}.",
};

static ES: Strings = Strings {
    zoom_out: "Alejar",
    zoom_in: "Acercar",
    fit_all: "Ver todo",
    earlier: "Antes",
    later: "Después",
    zoom_group: "Zoom y desplazamiento",
    open_sessions: "Abrir {} ({})",
    show_list: "Ver como lista",
    show_timeline: "Ver como cronología",
    lanes_shown: "Categorías mostradas",
    showing: "Periodo mostrado: {}",
    axis_in: "eje en {}",
    units: ["décadas", "años", "meses", "días", "horas", "minutos"],
    all_events: "Todos los acontecimientos, {}",
    breadcrumb: "Ruta de navegación",
    periods: "Periodos",
    in_time_order: "{} en orden cronológico",
    n_of_m: "{} de {}",
    cluster: "{} acontecimientos más ({}), del {} al {}: acercar",
    skip: "Saltar la cronología",
    end: "Fin de la cronología",
    opened: "Abierto: {}",
    sessions_of: "Sesiones: {}",
    no_entry: "No hay ninguna entrada «{}» en esta cronología; se muestra la cronología completa.",
    bad_start: "No se pudo usar el ajuste inicial: {}.",
    loading: "Cargando la cronología…",
    load_failed: "No se pudo cargar la cronología",
    try_again: "Reintentar",
    kind_event: "Acontecimiento",
    kind_session: "Sesión",
    kind_period: "Periodo",
    close: "Cerrar detalles",
    part_of: "Parte de",
    about_sources: "Sobre las fuentes:",
    sessions_heading: "Sesiones ({})",
    open_by_day: "Abrir las sesiones por día ▸",
    actors: "Actores",
    sources: "Fuentes",
    new_tab: "(se abre en una pestaña nueva)",
    previous: "← Anterior: {}",
    next: "Siguiente: {} →",
    prev_next: "Anterior y siguiente",
    exact_dates_unknown: "fechas exactas no indicadas",
    month_day_unknown: "mes y día no indicados",
    day_unknown: "día no indicado",
    approximate: "aproximado",
    end_unknown: "final no indicado",
    day_n: "Día {}",
    day_not_reported: "Día no indicado",
    no_session: "No se indica ninguna sesión para este día.",
    foot_timed: "Las sesiones se sitúan según su hora cuando las fuentes la dan; si no, en el orden de las fuentes.",
    foot_order: "Las sesiones se enumeran en el orden de las fuentes; las fuentes no dan horas.",
    about: "hacia {}",
    from: "desde {}",
    session_forms: ["sesión", "sesiones", "sesiones"],
    event_forms: ["acontecimiento", "acontecimientos", "acontecimientos"],
    day_forms: ["día", "días", "días"],
    categories: ["ONU", "OSCE", "Consejo de Europa", "UE", "Derecho nacional", "Sociedad civil", "Otro"],
    err_bad_url: "«{}» no es una dirección que la cronología pueda cargar (use http, https o una ruta relativa).",
    err_timeout: "El archivo de datos {} no llegó en {} segundos.",
    err_status: "El servidor respondió «{}» para {}.",
    err_network: "No se pudo obtener el archivo de datos {}: el servidor no responde o no permite que esta página lea el archivo (CORS: debe enviar Access-Control-Allow-Origin).",
    crashed: "La cronología se detuvo por un error interno. Vuelva a cargar la página para verla de nuevo.",
    err_not_json: "La dirección {} envió {} (por ejemplo, una página web), no un archivo de datos JSON.",
    err_too_big: "El archivo de datos {} ocupa {} MB; el límite es {} MB.",
    err_invalid: "El archivo de datos {} tiene {} problema(s).",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_and_plurals() {
        assert_eq!(fill("{} of {}", &["3", "53"]), "3 of 53");
        assert_eq!(fill("no args", &[]), "no args");
        let ru = strings(Lang::Ru);
        assert_eq!(ru.count(Lang::Ru, 1, &ru.session_forms), "1 заседание");
        assert_eq!(ru.count(Lang::Ru, 3, &ru.session_forms), "3 заседания");
        assert_eq!(ru.count(Lang::Ru, 9, &ru.session_forms), "9 заседаний");
        assert_eq!(ru.count(Lang::Ru, 21, &ru.day_forms), "21 день");
        assert_eq!(ru.count(Lang::Ru, 12, &ru.day_forms), "12 дней");
        let fr = strings(Lang::Fr);
        assert_eq!(fr.count(Lang::Fr, 1, &fr.day_forms), "1 jour");
        assert_eq!(fr.count(Lang::Fr, 2, &fr.day_forms), "2 jours");
    }

    #[test]
    fn every_template_keeps_its_placeholders_in_every_language() {
        let holes = |s: &Strings| {
            [
                s.open_sessions,
                s.showing,
                s.axis_in,
                s.all_events,
                s.in_time_order,
                s.n_of_m,
                s.cluster,
                s.opened,
                s.sessions_of,
                s.no_entry,
                s.bad_start,
                s.sessions_heading,
                s.previous,
                s.next,
                s.day_n,
                s.about,
                s.from,
                s.err_bad_url,
                s.err_timeout,
                s.err_status,
                s.err_network,
                s.err_too_big,
                s.err_invalid,
                s.err_not_json,
                s.crashed,
            ]
            .map(|t| t.matches("{}").count())
        };
        let en = holes(strings(Lang::En));
        for lang in Lang::ALL {
            assert_eq!(holes(strings(lang)), en, "{lang:?}");
            let s = strings(lang);
            assert!(s.categories.iter().chain(s.units.iter()).all(|x| !x.is_empty()));
        }
    }
}
