//! Interface strings in English, French, German, Italian, Russian and Spanish.
//!
//! One `Strings` value per language: a missing string is a compile error. Templates name their
//! placeholders (`{title}`), so a translation may reorder them (see [`fill`]); a test reads this file
//! and checks that every language keeps every template's placeholders, and that every call fills them.
//! Dates are not here: the browser's `Intl` formats them.

use crate::model::{Category, Lang, PartialDate, Period, Precision, When};

/// The lanes' names, by category.
#[derive(Debug)]
pub struct Categories {
    pub un: &'static str,
    pub osce: &'static str,
    pub coe: &'static str,
    pub eu: &'static str,
    pub national_law: &'static str,
    pub civil_society: &'static str,
    pub other: &'static str,
}

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
    /// At the foot of translated details.
    pub translated: &'static str,
    pub show_english: &'static str,
    pub show_translation: &'static str,
    pub end_unknown: &'static str,
    /// `{n}`.
    pub day_n: &'static str,
    pub day_not_reported: &'static str,
    pub no_session: &'static str,
    pub foot_timed: &'static str,
    pub foot_order: &'static str,
    /// `{date}`.
    pub about: &'static str,
    /// A date the sources give only as a window: `{a}` the earliest, `{b}` the latest.
    pub between: &'static str,
    /// A year before the common era: `{year}` is its number, without sign.
    pub bce: &'static str,
    /// Between groups of three digits in a long number (years from 10,000).
    pub thousands: &'static str,
    /// `{date}`.
    pub from: &'static str,
    /// Singular and plural (Russian: one, few, many).
    pub session_forms: [&'static str; 3],
    pub event_forms: [&'static str; 3],
    pub day_forms: [&'static str; 3],
    /// The lanes' names.
    pub categories: Categories,
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
    /// `{problems}`: the heading over a data file's problems.
    pub data_problems: &'static str,
    pub problem_forms: [&'static str; 3],
    pub problems_intro: &'static str,
    /// Where a problem is when it concerns the whole file.
    pub whole_file: &'static str,
    /// `{line}`, `{column}`.
    pub at_line: &'static str,
    /// `{n}`: printing a huge data set.
    pub too_many_to_print: &'static str,
    /// `{shown}`, `{all}`: the vertical view's lane control.
    pub lanes_count: &'static str,
    /// Folds a meeting's sessions in the vertical view.
    pub hide_sessions: &'static str,
}

/// Fills the named placeholders of a template: `fill("{n} of {m}", &[("n", "3"), ("m", "53")])`. A
/// translation may put them in any order; a placeholder without a value is left as it is.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        // (`get`, not `split_at`: no panic path, and no panic message code in the wasm.)
        let (before, from_brace) =
            (rest.get(..open).unwrap_or_default(), rest.get(open..).unwrap_or_default());
        out.push_str(before);
        let close = from_brace.find('}');
        let value = close
            .and_then(|c| from_brace.get(1..c))
            .and_then(|name| args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v));
        match (close, value) {
            (Some(c), Some(v)) => {
                out.push_str(v);
                rest = from_brace.get(c + 1..).unwrap_or_default();
            }
            _ => {
                out.push('{');
                rest = from_brace.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

impl Strings {
    /// "3 sessions", "3 заседания", …
    pub fn count(&self, lang: Lang, n: usize, forms: &[&'static str; 3]) -> String {
        format!("{n} {}", forms.get(plural(lang, n)).copied().unwrap_or_default())
    }

    /// The label of a lane.
    pub fn category(&self, c: Category) -> &'static str {
        let k = &self.categories;
        match c {
            Category::Un => k.un,
            Category::Osce => k.osce,
            Category::Coe => k.coe,
            Category::Eu => k.eu,
            Category::NationalLaw => k.national_law,
            Category::CivilSociety => k.civil_society,
            Category::Other => k.other,
        }
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
    open_sessions: "Open {label} ({sessions})",
    show_list: "Show as list",
    show_timeline: "Show as timeline",
    lanes_shown: "Lanes shown",
    showing: "Showing {range}",
    axis_in: "axis in {unit}",
    units: ["decades", "years", "months", "days", "hours", "minutes"],
    all_events: "All events, {years}",
    breadcrumb: "Breadcrumb",
    periods: "Periods",
    in_time_order: "{events} in time order",
    n_of_m: "{n} of {m}",
    cluster: "{more} more {lane} events, {from} to {to}: zoom in",
    skip: "Skip the timeline",
    end: "End of the timeline",
    opened: "Opened: {entry}",
    sessions_of: "Sessions of {label}",
    no_entry: "There is no entry “{id}” in this timeline; showing the whole timeline.",
    bad_start: "Could not use the start setting: {reason}.",
    loading: "Loading the timeline…",
    load_failed: "The timeline could not be loaded",
    try_again: "Try again",
    kind_event: "Event",
    kind_session: "Session",
    kind_period: "Period",
    close: "Close details",
    part_of: "Part of",
    about_sources: "About the sources:",
    sessions_heading: "Sessions ({n})",
    open_by_day: "Open the sessions by day ▸",
    actors: "Actors",
    sources: "Sources",
    new_tab: "(opens in a new tab)",
    previous: "← Previous: {title}",
    next: "Next: {title} →",
    prev_next: "Previous and next",
    exact_dates_unknown: "exact dates not reported",
    month_day_unknown: "month and day not reported",
    day_unknown: "day not reported",
    approximate: "approximate",
    translated: "Translation made for this timeline, not an official text.",
    show_english: "Show the English text",
    show_translation: "Show the translation",
    end_unknown: "end not reported",
    day_n: "Day {n}",
    day_not_reported: "Day not reported",
    no_session: "No session reported for this day.",
    foot_timed: "Sessions are placed by their time where the sources give it, otherwise in the order the sources report them.",
    foot_order: "Sessions are listed in the order the sources report them; the sources give no times.",
    about: "about {date}",
    between: "between {a} and {b}",
    bce: "{year} BCE",
    thousands: ",",
    from: "from {date}",
    session_forms: ["session", "sessions", "sessions"],
    event_forms: ["event", "events", "events"],
    day_forms: ["day", "days", "days"],
    categories: Categories {
        un: "UN",
        osce: "OSCE",
        coe: "Council of Europe",
        eu: "EU",
        national_law: "National law",
        civil_society: "Civil society",
        other: "Other",
    },
    err_bad_url: "“{url}” is not a web address the timeline can load (use http, https or a relative path).",
    err_timeout: "The data file at {url} did not arrive within {seconds} seconds.",
    err_status: "The server answered “{status}” for {url}.",
    err_network: "The data file at {url} could not be fetched: the server is unreachable, or it does not allow this page to read the file (CORS: it must send Access-Control-Allow-Origin).",
    crashed: "The timeline stopped because of an internal error. Reload the page to see it again.",
    err_not_json: "The address {url} sent {type} (such as a web page), not a JSON data file.",
    err_too_big: "The data file at {url} is {size} MB; the limit is {limit} MB.",
    err_invalid: "The data file at {url} has {n} problem(s).",
    data_problems: "The timeline data has {problems}",
    problem_forms: ["problem", "problems", "problems"],
    problems_intro: "The timeline cannot be shown until these are fixed in the data file:",
    whole_file: "(whole file)",
    at_line: " — line {line}, column {column}",
    too_many_to_print: "{n} entries are too many to print as a list.",
    lanes_count: "Lanes: {shown} of {all}",
    hide_sessions: "Hide the sessions",
};

static FR: Strings = Strings {
    zoom_out: "Dézoomer",
    zoom_in: "Zoomer",
    fit_all: "Tout afficher",
    earlier: "Plus tôt",
    later: "Plus tard",
    zoom_group: "Zoom et déplacement",
    open_sessions: "Ouvrir {label} ({sessions})",
    show_list: "Afficher en liste",
    show_timeline: "Afficher la frise",
    lanes_shown: "Catégories affichées",
    showing: "Période affichée : {range}",
    axis_in: "axe en {unit}",
    units: ["décennies", "années", "mois", "jours", "heures", "minutes"],
    all_events: "Tous les événements, {years}",
    breadcrumb: "Fil d'Ariane",
    periods: "Périodes",
    in_time_order: "{events} par ordre chronologique",
    n_of_m: "{n} sur {m}",
    cluster: "{more} autres événements ({lane}), du {from} au {to} : zoomer",
    skip: "Passer la frise",
    end: "Fin de la frise",
    opened: "Ouvert : {entry}",
    sessions_of: "Séances : {label}",
    no_entry: "Aucune entrée « {id} » dans cette frise ; affichage de la frise entière.",
    bad_start: "Réglage de départ inutilisable : {reason}.",
    loading: "Chargement de la frise…",
    load_failed: "La frise n'a pas pu être chargée",
    try_again: "Réessayer",
    kind_event: "Événement",
    kind_session: "Séance",
    kind_period: "Période",
    close: "Fermer les détails",
    part_of: "Fait partie de",
    about_sources: "À propos des sources :",
    sessions_heading: "Séances ({n})",
    open_by_day: "Ouvrir les séances par jour ▸",
    actors: "Acteurs",
    sources: "Sources",
    new_tab: "(s'ouvre dans un nouvel onglet)",
    previous: "← Précédent : {title}",
    next: "Suivant : {title} →",
    prev_next: "Précédent et suivant",
    exact_dates_unknown: "dates exactes non communiquées",
    month_day_unknown: "mois et jour non communiqués",
    day_unknown: "jour non communiqué",
    approximate: "approximatif",
    translated: "Traduction réalisée pour cette frise chronologique, pas un texte officiel.",
    show_english: "Afficher le texte anglais",
    show_translation: "Afficher la traduction",
    end_unknown: "fin non communiquée",
    day_n: "Jour {n}",
    day_not_reported: "Jour non communiqué",
    no_session: "Aucune séance signalée pour ce jour.",
    foot_timed: "Les séances sont placées selon leur heure quand les sources la donnent, sinon dans l'ordre où les sources les citent.",
    foot_order: "Les séances sont listées dans l'ordre où les sources les citent ; les sources ne donnent pas d'heure.",
    about: "vers {date}",
    between: "entre {a} et {b}",
    bce: "{year} av. J.-C.",
    thousands: "\u{202f}",
    from: "depuis {date}",
    session_forms: ["séance", "séances", "séances"],
    event_forms: ["événement", "événements", "événements"],
    day_forms: ["jour", "jours", "jours"],
    categories: Categories {
        un: "ONU",
        osce: "OSCE",
        coe: "Conseil de l'Europe",
        eu: "UE",
        national_law: "Droit national",
        civil_society: "Société civile",
        other: "Autres",
    },
    err_bad_url: "« {url} » n'est pas une adresse que la frise peut charger (utilisez http, https ou un chemin relatif).",
    err_timeout: "Le fichier de données {url} n'est pas arrivé en {seconds} secondes.",
    err_status: "Le serveur a répondu « {status} » pour {url}.",
    err_network: "Le fichier de données {url} n'a pas pu être récupéré : le serveur est injoignable, ou il n'autorise pas cette page à lire le fichier (CORS : il doit envoyer Access-Control-Allow-Origin).",
    crashed: "La frise s'est arrêtée à cause d'une erreur interne. Rechargez la page pour la revoir.",
    err_not_json: "L'adresse {url} a renvoyé {type} (une page web, par exemple), et non un fichier de données JSON.",
    err_too_big: "Le fichier de données {url} fait {size} Mo ; la limite est de {limit} Mo.",
    err_invalid: "Le fichier de données {url} comporte {n} problème(s).",
    data_problems: "Les données de la chronologie comportent {problems}",
    problem_forms: ["problème", "problèmes", "problèmes"],
    problems_intro: "La chronologie ne peut pas s’afficher tant que ces points ne sont pas corrigés dans le fichier de données :",
    whole_file: "(fichier entier)",
    at_line: " — ligne {line}, colonne {column}",
    too_many_to_print: "{n} entrées : trop pour les imprimer sous forme de liste.",
    lanes_count: "Catégories : {shown} sur {all}",
    hide_sessions: "Masquer les séances",
};

static DE: Strings = Strings {
    zoom_out: "Verkleinern",
    zoom_in: "Vergrößern",
    fit_all: "Alles zeigen",
    earlier: "Früher",
    later: "Später",
    zoom_group: "Zoomen und verschieben",
    open_sessions: "{label} öffnen ({sessions})",
    show_list: "Als Liste zeigen",
    show_timeline: "Als Zeitleiste zeigen",
    lanes_shown: "Angezeigte Kategorien",
    showing: "Zeitraum: {range}",
    axis_in: "Achse in {unit}",
    units: ["Jahrzehnten", "Jahren", "Monaten", "Tagen", "Stunden", "Minuten"],
    all_events: "Alle Ereignisse, {years}",
    breadcrumb: "Brotkrumen",
    periods: "Zeiträume",
    in_time_order: "{events} in zeitlicher Reihenfolge",
    n_of_m: "{n} von {m}",
    cluster: "{more} weitere Ereignisse ({lane}), {from} bis {to}: vergrößern",
    skip: "Zeitleiste überspringen",
    end: "Ende der Zeitleiste",
    opened: "Geöffnet: {entry}",
    sessions_of: "Sitzungen: {label}",
    no_entry: "Es gibt keinen Eintrag „{id}“ in dieser Zeitleiste; die ganze Zeitleiste wird gezeigt.",
    bad_start: "Die Starteinstellung ist unbrauchbar: {reason}.",
    loading: "Die Zeitleiste wird geladen…",
    load_failed: "Die Zeitleiste konnte nicht geladen werden",
    try_again: "Erneut versuchen",
    kind_event: "Ereignis",
    kind_session: "Sitzung",
    kind_period: "Zeitraum",
    close: "Details schließen",
    part_of: "Teil von",
    about_sources: "Zu den Quellen:",
    sessions_heading: "Sitzungen ({n})",
    open_by_day: "Sitzungen nach Tagen öffnen ▸",
    actors: "Beteiligte",
    sources: "Quellen",
    new_tab: "(öffnet in einem neuen Tab)",
    previous: "← Zurück: {title}",
    next: "Weiter: {title} →",
    prev_next: "Zurück und weiter",
    exact_dates_unknown: "genaue Daten nicht angegeben",
    month_day_unknown: "Monat und Tag nicht angegeben",
    day_unknown: "Tag nicht angegeben",
    approximate: "ungefähr",
    translated: "Übersetzung für diese Zeitleiste, kein amtlicher Text.",
    show_english: "Englischen Text anzeigen",
    show_translation: "Übersetzung anzeigen",
    end_unknown: "Ende nicht angegeben",
    day_n: "Tag {n}",
    day_not_reported: "Tag nicht angegeben",
    no_session: "Für diesen Tag ist keine Sitzung angegeben.",
    foot_timed: "Sitzungen stehen nach ihrer Uhrzeit, wo die Quellen sie nennen, sonst in der Reihenfolge der Quellen.",
    foot_order: "Sitzungen stehen in der Reihenfolge der Quellen; die Quellen nennen keine Uhrzeiten.",
    about: "etwa {date}",
    between: "zwischen {a} und {b}",
    bce: "{year} v. Chr.",
    thousands: ".",
    from: "ab {date}",
    session_forms: ["Sitzung", "Sitzungen", "Sitzungen"],
    event_forms: ["Ereignis", "Ereignisse", "Ereignisse"],
    day_forms: ["Tag", "Tage", "Tage"],
    categories: Categories {
        un: "UN",
        osce: "OSZE",
        coe: "Europarat",
        eu: "EU",
        national_law: "Nationales Recht",
        civil_society: "Zivilgesellschaft",
        other: "Sonstiges",
    },
    err_bad_url: "„{url}“ ist keine Adresse, die die Zeitleiste laden kann (http, https oder ein relativer Pfad).",
    err_timeout: "Die Datendatei {url} ist nicht innerhalb von {seconds} Sekunden angekommen.",
    err_status: "Der Server antwortete „{status}“ für {url}.",
    err_network: "Die Datendatei {url} konnte nicht geladen werden: Der Server ist nicht erreichbar oder erlaubt dieser Seite nicht, die Datei zu lesen (CORS: Er muss Access-Control-Allow-Origin senden).",
    crashed: "Die Zeitleiste wurde wegen eines internen Fehlers angehalten. Laden Sie die Seite neu, um sie wieder zu sehen.",
    err_not_json: "Die Adresse {url} lieferte {type} (etwa eine Webseite), keine JSON-Datendatei.",
    err_too_big: "Die Datendatei {url} ist {size} MB groß; die Grenze liegt bei {limit} MB.",
    err_invalid: "Die Datendatei {url} hat {n} Problem(e).",
    data_problems: "Die Daten der Zeitleiste enthalten {problems}",
    problem_forms: ["Fehler", "Fehler", "Fehler"],
    problems_intro: "Die Zeitleiste kann erst angezeigt werden, wenn diese Fehler in der Datendatei behoben sind:",
    whole_file: "(ganze Datei)",
    at_line: " — Zeile {line}, Spalte {column}",
    too_many_to_print: "{n} Einträge sind zu viele, um sie als Liste zu drucken.",
    lanes_count: "Kategorien: {shown} von {all}",
    hide_sessions: "Sitzungen ausblenden",
};

static IT: Strings = Strings {
    zoom_out: "Riduci",
    zoom_in: "Ingrandisci",
    fit_all: "Mostra tutto",
    earlier: "Prima",
    later: "Dopo",
    zoom_group: "Zoom e spostamento",
    open_sessions: "Apri {label} ({sessions})",
    show_list: "Mostra come elenco",
    show_timeline: "Mostra come cronologia",
    lanes_shown: "Categorie mostrate",
    showing: "Periodo mostrato: {range}",
    axis_in: "asse in {unit}",
    units: ["decenni", "anni", "mesi", "giorni", "ore", "minuti"],
    all_events: "Tutti gli eventi, {years}",
    breadcrumb: "Percorso",
    periods: "Periodi",
    in_time_order: "{events} in ordine cronologico",
    n_of_m: "{n} di {m}",
    cluster: "altri {more} eventi ({lane}), dal {from} al {to}: ingrandisci",
    skip: "Salta la cronologia",
    end: "Fine della cronologia",
    opened: "Aperto: {entry}",
    sessions_of: "Sessioni: {label}",
    no_entry: "Nessuna voce «{id}» in questa cronologia; viene mostrata la cronologia intera.",
    bad_start: "Impostazione iniziale non utilizzabile: {reason}.",
    loading: "Caricamento della cronologia…",
    load_failed: "Non è stato possibile caricare la cronologia",
    try_again: "Riprova",
    kind_event: "Evento",
    kind_session: "Sessione",
    kind_period: "Periodo",
    close: "Chiudi i dettagli",
    part_of: "Parte di",
    about_sources: "Sulle fonti:",
    sessions_heading: "Sessioni ({n})",
    open_by_day: "Apri le sessioni per giorno ▸",
    actors: "Attori",
    sources: "Fonti",
    new_tab: "(si apre in una nuova scheda)",
    previous: "← Precedente: {title}",
    next: "Successivo: {title} →",
    prev_next: "Precedente e successivo",
    exact_dates_unknown: "date esatte non riportate",
    month_day_unknown: "mese e giorno non riportati",
    day_unknown: "giorno non riportato",
    approximate: "approssimativo",
    translated: "Traduzione realizzata per questa cronologia, non un testo ufficiale.",
    show_english: "Mostra il testo inglese",
    show_translation: "Mostra la traduzione",
    end_unknown: "fine non riportata",
    day_n: "Giorno {n}",
    day_not_reported: "Giorno non riportato",
    no_session: "Nessuna sessione riportata per questo giorno.",
    foot_timed: "Le sessioni sono collocate secondo l'ora quando le fonti la indicano, altrimenti nell'ordine delle fonti.",
    foot_order: "Le sessioni sono elencate nell'ordine delle fonti; le fonti non indicano orari.",
    about: "circa {date}",
    between: "tra {a} e {b}",
    bce: "{year} a.C.",
    thousands: ".",
    from: "dal {date}",
    session_forms: ["sessione", "sessioni", "sessioni"],
    event_forms: ["evento", "eventi", "eventi"],
    day_forms: ["giorno", "giorni", "giorni"],
    categories: Categories {
        un: "ONU",
        osce: "OSCE",
        coe: "Consiglio d'Europa",
        eu: "UE",
        national_law: "Diritto nazionale",
        civil_society: "Società civile",
        other: "Altro",
    },
    err_bad_url: "«{url}» non è un indirizzo che la cronologia può caricare (usare http, https o un percorso relativo).",
    err_timeout: "Il file di dati {url} non è arrivato entro {seconds} secondi.",
    err_status: "Il server ha risposto «{status}» per {url}.",
    err_network: "Non è stato possibile ottenere il file di dati {url}: il server non è raggiungibile o non consente a questa pagina di leggere il file (CORS: deve inviare Access-Control-Allow-Origin).",
    crashed: "La cronologia si è interrotta per un errore interno. Ricarica la pagina per vederla di nuovo.",
    err_not_json: "L'indirizzo {url} ha inviato {type} (ad esempio una pagina web), non un file di dati JSON.",
    err_too_big: "Il file di dati {url} è di {size} MB; il limite è {limit} MB.",
    err_invalid: "Il file di dati {url} ha {n} problema/i.",
    data_problems: "I dati della cronologia contengono {problems}",
    problem_forms: ["errore", "errori", "errori"],
    problems_intro: "La cronologia non può essere mostrata finché questi errori non vengono corretti nel file di dati:",
    whole_file: "(intero file)",
    at_line: " — riga {line}, colonna {column}",
    too_many_to_print: "{n} voci sono troppe per stamparle come elenco.",
    lanes_count: "Categorie: {shown} su {all}",
    hide_sessions: "Nascondi le sessioni",
};

static RU: Strings = Strings {
    zoom_out: "Уменьшить",
    zoom_in: "Увеличить",
    fit_all: "Показать всё",
    earlier: "Раньше",
    later: "Позже",
    zoom_group: "Масштаб и перемещение",
    open_sessions: "Открыть: {label} ({sessions})",
    show_list: "Показать списком",
    show_timeline: "Показать шкалу",
    lanes_shown: "Показанные категории",
    showing: "Показан период: {range}",
    axis_in: "шкала: {unit}",
    units: ["десятилетия", "годы", "месяцы", "дни", "часы", "минуты"],
    all_events: "Все события, {years}",
    breadcrumb: "Навигация",
    periods: "Периоды",
    in_time_order: "{events} в хронологическом порядке",
    n_of_m: "{n} из {m}",
    cluster: "ещё {more} событий ({lane}), с {from} по {to}: увеличить",
    skip: "Пропустить шкалу",
    end: "Конец шкалы",
    opened: "Открыто: {entry}",
    sessions_of: "Заседания: {label}",
    no_entry: "Записи «{id}» на этой шкале нет; показана вся шкала.",
    bad_start: "Начальная настройка не подходит: {reason}.",
    loading: "Загрузка шкалы…",
    load_failed: "Не удалось загрузить шкалу",
    try_again: "Повторить",
    kind_event: "Событие",
    kind_session: "Заседание",
    kind_period: "Период",
    close: "Закрыть подробности",
    part_of: "Часть события",
    about_sources: "Об источниках:",
    sessions_heading: "Заседания ({n})",
    open_by_day: "Открыть заседания по дням ▸",
    actors: "Участники",
    sources: "Источники",
    new_tab: "(откроется в новой вкладке)",
    previous: "← Предыдущее: {title}",
    next: "Следующее: {title} →",
    prev_next: "Предыдущее и следующее",
    exact_dates_unknown: "точные даты не сообщаются",
    month_day_unknown: "месяц и день не сообщаются",
    day_unknown: "день не сообщается",
    approximate: "приблизительно",
    translated: "Перевод сделан для этой хронологии и не является официальным текстом.",
    show_english: "Показать английский текст",
    show_translation: "Показать перевод",
    end_unknown: "окончание не сообщается",
    day_n: "День {n}",
    day_not_reported: "День не сообщается",
    no_session: "Для этого дня заседания не указаны.",
    foot_timed: "Заседания расположены по времени, если его называют источники, иначе в порядке, в котором о них сообщают источники.",
    foot_order: "Заседания перечислены в порядке, в котором о них сообщают источники; время источники не называют.",
    about: "около {date}",
    between: "в период {a} — {b}",
    bce: "{year} г. до н. э.",
    thousands: "\u{a0}",
    from: "с {date}",
    session_forms: ["заседание", "заседания", "заседаний"],
    event_forms: ["событие", "события", "событий"],
    day_forms: ["день", "дня", "дней"],
    categories: Categories {
        un: "ООН",
        osce: "ОБСЕ",
        coe: "Совет Европы",
        eu: "ЕС",
        national_law: "Национальное право",
        civil_society: "Гражданское общество",
        other: "Другое",
    },
    err_bad_url: "«{url}» — не адрес, который может загрузить шкала (используйте http, https или относительный путь).",
    err_timeout: "Файл данных {url} не пришёл за {seconds} секунд.",
    err_status: "Сервер ответил «{status}» на запрос {url}.",
    err_network: "Не удалось получить файл данных {url}: сервер недоступен или не разрешает этой странице читать файл (CORS: он должен отправлять Access-Control-Allow-Origin).",
    crashed: "Хронология остановилась из-за внутренней ошибки. Перезагрузите страницу, чтобы увидеть её снова.",
    err_not_json: "По адресу {url} пришёл ответ {type} (например, веб-страница), а не файл данных JSON.",
    err_too_big: "Файл данных {url} весит {size} МБ; предел — {limit} МБ.",
    err_invalid: "В файле данных {url} проблем: {n}.",
    data_problems: "Ошибки в данных хронологии: {problems}",
    problem_forms: ["ошибка", "ошибки", "ошибок"],
    problems_intro: "Хронологию нельзя показать, пока эти ошибки не исправлены в файле данных:",
    whole_file: "(весь файл)",
    at_line: " — строка {line}, столбец {column}",
    too_many_to_print: "Записей слишком много ({n}), чтобы напечатать их списком.",
    lanes_count: "Категории: {shown} из {all}",
    hide_sessions: "Скрыть заседания",
};

static ES: Strings = Strings {
    zoom_out: "Alejar",
    zoom_in: "Acercar",
    fit_all: "Ver todo",
    earlier: "Antes",
    later: "Después",
    zoom_group: "Zoom y desplazamiento",
    open_sessions: "Abrir {label} ({sessions})",
    show_list: "Ver como lista",
    show_timeline: "Ver como cronología",
    lanes_shown: "Categorías mostradas",
    showing: "Periodo mostrado: {range}",
    axis_in: "eje en {unit}",
    units: ["décadas", "años", "meses", "días", "horas", "minutos"],
    all_events: "Todos los acontecimientos, {years}",
    breadcrumb: "Ruta de navegación",
    periods: "Periodos",
    in_time_order: "{events} en orden cronológico",
    n_of_m: "{n} de {m}",
    cluster: "{more} acontecimientos más ({lane}), del {from} al {to}: acercar",
    skip: "Saltar la cronología",
    end: "Fin de la cronología",
    opened: "Abierto: {entry}",
    sessions_of: "Sesiones: {label}",
    no_entry: "No hay ninguna entrada «{id}» en esta cronología; se muestra la cronología completa.",
    bad_start: "No se pudo usar el ajuste inicial: {reason}.",
    loading: "Cargando la cronología…",
    load_failed: "No se pudo cargar la cronología",
    try_again: "Reintentar",
    kind_event: "Acontecimiento",
    kind_session: "Sesión",
    kind_period: "Periodo",
    close: "Cerrar detalles",
    part_of: "Parte de",
    about_sources: "Sobre las fuentes:",
    sessions_heading: "Sesiones ({n})",
    open_by_day: "Abrir las sesiones por día ▸",
    actors: "Actores",
    sources: "Fuentes",
    new_tab: "(se abre en una pestaña nueva)",
    previous: "← Anterior: {title}",
    next: "Siguiente: {title} →",
    prev_next: "Anterior y siguiente",
    exact_dates_unknown: "fechas exactas no indicadas",
    month_day_unknown: "mes y día no indicados",
    day_unknown: "día no indicado",
    approximate: "aproximado",
    translated: "Traducción hecha para esta cronología, no es un texto oficial.",
    show_english: "Mostrar el texto en inglés",
    show_translation: "Mostrar la traducción",
    end_unknown: "final no indicado",
    day_n: "Día {n}",
    day_not_reported: "Día no indicado",
    no_session: "No se indica ninguna sesión para este día.",
    foot_timed: "Las sesiones se sitúan según su hora cuando las fuentes la dan; si no, en el orden de las fuentes.",
    foot_order: "Las sesiones se enumeran en el orden de las fuentes; las fuentes no dan horas.",
    about: "hacia {date}",
    between: "entre {a} y {b}",
    bce: "{year} a. C.",
    thousands: ".",
    from: "desde {date}",
    session_forms: ["sesión", "sesiones", "sesiones"],
    event_forms: ["acontecimiento", "acontecimientos", "acontecimientos"],
    day_forms: ["día", "días", "días"],
    categories: Categories {
        un: "ONU",
        osce: "OSCE",
        coe: "Consejo de Europa",
        eu: "UE",
        national_law: "Derecho nacional",
        civil_society: "Sociedad civil",
        other: "Otro",
    },
    err_bad_url: "«{url}» no es una dirección que la cronología pueda cargar (use http, https o una ruta relativa).",
    err_timeout: "El archivo de datos {url} no llegó en {seconds} segundos.",
    err_status: "El servidor respondió «{status}» para {url}.",
    err_network: "No se pudo obtener el archivo de datos {url}: el servidor no responde o no permite que esta página lea el archivo (CORS: debe enviar Access-Control-Allow-Origin).",
    crashed: "La cronología se detuvo por un error interno. Vuelva a cargar la página para verla de nuevo.",
    err_not_json: "La dirección {url} envió {type} (por ejemplo, una página web), no un archivo de datos JSON.",
    err_too_big: "El archivo de datos {url} ocupa {size} MB; el límite es {limit} MB.",
    err_invalid: "El archivo de datos {url} tiene {n} problema(s).",
    data_problems: "Los datos de la cronología tienen {problems}",
    problem_forms: ["problema", "problemas", "problemas"],
    problems_intro: "La cronología no se puede mostrar hasta que se corrijan en el archivo de datos:",
    whole_file: "(archivo completo)",
    at_line: " — línea {line}, columna {column}",
    too_many_to_print: "{n} entradas son demasiadas para imprimirlas como lista.",
    lanes_count: "Categorías: {shown} de {all}",
    hide_sessions: "Ocultar las sesiones",
};

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::panic)] // a failing test panics
mod tests {
    use super::*;

    #[test]
    fn named_templates_and_plurals() {
        assert_eq!(fill("{n} of {m}", &[("n", "3"), ("m", "53")]), "3 of 53");
        assert_eq!(fill("{m} sur {n}", &[("n", "3"), ("m", "53")]), "53 sur 3", "reordered");
        assert_eq!(fill("no args", &[]), "no args");
        assert_eq!(fill("{x} {unknown} {", &[("x", "a")]), "a {unknown} {");
        assert_eq!(fill("«{id}»", &[("id", "é{id}")]), "«é{id}»", "values are not filled again");
        let ru = strings(Lang::Ru);
        assert_eq!(ru.count(Lang::Ru, 1, &ru.session_forms), "1 заседание");
        assert_eq!(ru.count(Lang::Ru, 3, &ru.session_forms), "3 заседания");
        assert_eq!(ru.count(Lang::Ru, 9, &ru.session_forms), "9 заседаний");
        assert_eq!(ru.count(Lang::Ru, 21, &ru.day_forms), "21 день");
        assert_eq!(ru.count(Lang::Ru, 12, &ru.day_forms), "12 дней");
        let fr = strings(Lang::Fr);
        assert_eq!(fr.count(Lang::Fr, 1, &fr.day_forms), "1 jour");
        assert_eq!(fr.count(Lang::Fr, 2, &fr.day_forms), "2 jours");
        assert_eq!(strings(Lang::De).category(Category::CivilSociety), "Zivilgesellschaft");
    }

    /// The placeholders of a template, sorted: `{title}` → `title`.
    fn holes(text: &str) -> Vec<String> {
        let mut out: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned()))
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        out.sort();
        out
    }

    /// Every `field: "text"` of each language's table in this file: (language, field, text).
    fn tables() -> Vec<(String, String, String)> {
        let src = include_str!("i18n.rs");
        let mut out = Vec::new();
        let mut lang = None;
        for line in src.lines() {
            if let Some(rest) = line.strip_prefix("static ") {
                lang = rest.split(':').next().map(str::to_owned);
            } else if line == "};" {
                lang = None;
            } else if let (Some(l), Some((field, value))) = (&lang, line.trim().split_once(": \"")) {
                out.push((l.clone(), field.to_owned(), value.trim_end_matches("\",").to_owned()));
            }
        }
        out
    }

    #[test]
    fn every_language_keeps_every_templates_placeholders() {
        let all = tables();
        let english: Vec<&(String, String, String)> = all.iter().filter(|t| t.0 == "EN").collect();
        let templates: Vec<_> = english.iter().filter(|t| !holes(&t.2).is_empty()).collect();
        assert!(templates.len() >= 25, "found {} templates", templates.len());
        for lang in ["FR", "DE", "IT", "RU", "ES"] {
            let theirs: Vec<_> = all.iter().filter(|t| t.0 == lang).collect();
            assert_eq!(theirs.len(), english.len(), "{lang} has another number of strings");
            for (_, field, text) in &english {
                let Some(t) = theirs.iter().find(|t| &t.1 == field) else { panic!("{lang} lacks {field}") };
                assert_eq!(holes(&t.2), holes(text), "{lang}.{field}: {:?} vs {text:?}", t.2);
                assert!(!t.2.trim().is_empty(), "{lang}.{field} is empty");
            }
        }
    }

    /// Every `fill(x.field, &[("name", …), …])` in the crate names exactly the template's placeholders.
    #[test]
    fn every_call_fills_its_templates_placeholders() {
        fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    sources(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(std::fs::read_to_string(&p).unwrap_or_default());
                }
            }
        }
        let mut files = Vec::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        let english: Vec<(String, String, String)> = tables().into_iter().filter(|t| t.0 == "EN").collect();
        let mut calls = 0;
        for text in &files {
            for call in text.split("fill(").skip(1) {
                // `st.field, &[("a", …), ("b", …)])`
                let Some((template, rest)) = call.split_once(", &[") else { continue };
                let Some(field) = template.rsplit('.').next().filter(|f| !f.contains(' ')) else { continue };
                let Some((_, _, t)) = english.iter().find(|t| t.1 == field) else { continue };
                // Only this call's names: its array ends at the first `])`.
                let rest = rest.get(..rest.find("])").unwrap_or(rest.len())).unwrap_or_default();
                let mut names: Vec<String> = rest
                    .split("(\"")
                    .skip(1)
                    .filter_map(|a| a.split_once("\", ").map(|(n, _)| n.to_owned()))
                    .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                    .collect();
                names.sort();
                assert_eq!(names, holes(t), "fill({template}, …)");
                calls += 1;
            }
        }
        assert!(calls >= 20, "found only {calls} calls");
    }
}

/// Formats one date with exactly its known parts.
/// A year as readers of `lang` write it: `2004`, `500 av. J.-C.`, `13 800 000 000 г. до н. э.`.
pub fn year_text(lang: Lang, year: i64) -> String {
    let s = strings(lang);
    let n = crate::model::grouped(year.unsigned_abs(), s.thousands);
    if year < 0 {
        fill(s.bce, &[("year", &n)])
    } else {
        n
    }
}

pub type DateFn<'a> = &'a dyn Fn(&PartialDate) -> String;
/// Formats a range of two dates of the same precision, if the formatter can.
pub type RangeFn<'a> = &'a dyn Fn(&PartialDate, &PartialDate) -> Option<String>;

/// When something happened, in `lang` (English: the model's own label), with ranges, "n days" and
/// "about"; the dates themselves come from `date` and `range` (the browser's `Intl` in the widget,
/// fixed month names in the no-JavaScript list).
pub fn when_with(lang: Lang, w: &When, date: DateFn<'_>, range: RangeFn<'_>) -> String {
    if lang == Lang::En {
        return w.label_en();
    }
    let s = strings(lang);
    let between = |a: &PartialDate, b: &Option<PartialDate>| match b {
        Some(b) => fill(s.between, &[("a", &date(a)), ("b", &date(b))]),
        None => date(a),
    };
    let base = match &w.end {
        _ if w.windowed() => match &w.end {
            None => between(&w.start, &w.start_latest),
            Some(end) => format!("{} – {}", between(&w.start, &w.start_latest), between(end, &w.end_latest)),
        },
        None => date(&w.start),
        Some(end) if w.start.precision() == end.precision() && w.start.precision() == Precision::Year => {
            format!("{}–{}", year_text(lang, w.start.year()), year_text(lang, end.year()))
        }
        Some(end) if w.start.precision() == end.precision() => {
            range(&w.start, end).unwrap_or_else(|| format!("{} – {}", date(&w.start), date(end)))
        }
        Some(end) => format!("{} – {}", date(&w.start), date(end)),
    };
    let base = match w.days {
        Some(n) => format!("{base}, {}", s.count(lang, usize::from(n), &s.day_forms)),
        None => base,
    };
    if w.approximate {
        fill(s.about, &[("date", &base)])
    } else {
        base
    }
}

/// A period in `lang` (English: the model's own label): its span, or "from …" when no end is known.
pub fn period_with(lang: Lang, p: &Period, date: DateFn<'_>, range: RangeFn<'_>) -> String {
    if lang == Lang::En {
        return p.label_en();
    }
    if p.when.end.is_some() || p.when.windowed() {
        return when_with(lang, &p.when, date, range);
    }
    let s = strings(lang);
    let from = fill(s.from, &[("date", &date(&p.when.start))]);
    if p.when.approximate {
        fill(s.about, &[("date", &from)])
    } else {
        from
    }
}
