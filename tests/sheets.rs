//! Tables in: CSV and TSV in the columns of the TimelineJS Google Sheets template, as "Download as
//! CSV" writes them (`format::sheet`, `cargo xtask import-sheet`, `format="csv"`).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use anti_trafficking_timeline::format::sheet::{import, read, Delimiter};
use anti_trafficking_timeline::model::{Precision, Timeline};

fn template() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/editor/sample.csv")).unwrap()
}

fn timeline(text: &str, d: Delimiter) -> (Timeline, Vec<String>) {
    let imported = import(text, d).unwrap_or_else(|e| panic!("{e:?}"));
    let t = imported.validate().unwrap_or_else(|e| panic!("{e:?}"));
    let warnings = t.warnings.iter().map(|w| format!("{:?} {w}", w.at)).collect();
    (t, warnings)
}

#[test]
fn the_templates_example_rows_import_with_no_error() {
    let (t, warnings) = timeline(&template(), Delimiter::Comma);
    assert_eq!(t.title, "Women in Computing");
    assert_eq!(t.events.len(), 5, "{:?}", t.events.iter().map(|e| &e.info.title).collect::<Vec<_>>());
    let ada = &t.events[0];
    assert_eq!(
        (ada.info.title.as_str(), ada.when.label_en().as_str()),
        ("Ada Lovelace", "10 December 1815 – 27 November 1852")
    );
    // Markup is removed, the media becomes a source with its caption and credit.
    assert!(ada.info.summary.contains("Analytical Engine") && !ada.info.summary.contains('<'));
    assert_eq!(ada.info.sources[0].title, "Portrait of Ada Lovelace (credit: Alfred Edward Chalon)");
    // "9:30 AM" is a time; the display date is kept in the note.
    let px = t.find("project-px-begins").expect("by its headline").when().clone();
    assert_eq!((px.precision(), px.start.time()), (Precision::Minute, Some((9, 30))));
    // The era row is a period.
    assert_eq!(t.periods.len(), 1);
    assert_eq!(t.periods[0].when.label_en(), "1939–1945");
    // What could not be kept is said, at its row and column.
    let all = warnings.join("\n");
    assert!(all.contains("Some((7, 8)) row 7, Time: is not used: there is no month before it"), "{all}");
    assert!(all.contains("Some((2, 29)) row 2, Text: contains HTML"), "{all}");
    assert!(all.contains("row 4, Group: \"Machines\" is not a lane of this widget"), "{all}");
}

#[test]
fn mistakes_are_reported_at_their_row_and_column() {
    let text = "Year,Month,Day,Headline,Text\n2004,5,13,A,One.\n2005,14,,B,Two.\nabc,,,C,Three.\n";
    let errs =
        import(text, Delimiter::Comma).unwrap().validate().map(|t| t.events.len()).expect_err("errors");
    let shown: Vec<String> = errs.iter().map(|e| format!("{:?} {e}", e.at)).collect();
    assert_eq!(
        shown,
        [
            "Some((3, 6)) row 3, Month: 14 is not a month (1–12)",
            "Some((4, 1)) row 4, Year: \"abc\" is not a whole number",
        ]
    );
    // Fixed, the table is valid.
    let text = text.replace("abc", "2006").replace(",14,", ",4,");
    assert_eq!(import(&text, Delimiter::Comma).unwrap().validate().map(|t| t.events.len()), Ok(3));
}

#[test]
fn the_table_format_details() {
    // Tabs, CRLF, a byte-order mark, quoted cells with commas, quotes and line breaks, a blank row.
    let text = "\u{feff}Year\tHeadline\tText\r\n2004\t\"Quoted \"\"one\"\"\"\t\"two\r\nlines, and a comma\"\r\n\r\n2005\tSecond\t\r\n";
    let table = read(text, Delimiter::guess(text));
    assert_eq!(table.records.len(), 3);
    assert_eq!(table.records[1].1[1].text, "Quoted \"one\"");
    assert_eq!(table.records[1].1[2].text, "two\r\nlines, and a comma");
    assert_eq!(
        (table.records[2].0, table.records[2].1[0].at),
        (4, (5, 1)),
        "row numbers count the blank row"
    );
    let (t, _) = timeline(text, Delimiter::Tab);
    assert_eq!(t.events.len(), 2);
    // No Headline column: said at the header row.
    let errs = import("Year,Title\n2004,A\n", Delimiter::Comma).map(|i| i.json).expect_err("error");
    assert!(errs[0].to_string().starts_with("row 1: has no Headline column"), "{}", errs[0]);
    // An unknown column is named; "Tag" is the old name of "Group".
    let imported = import("Year,Headline,Colour,Tag\n2004,A,red,UN\n", Delimiter::Comma).unwrap();
    let w: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(w, ["row 1, Colour: is not a column of the TimelineJS template; it is ignored"]);
    assert_eq!(imported.validate().unwrap().events[0].category.key(), "un");
}

#[test]
fn broken_tables_say_where_and_never_panic() {
    // A quote that is never closed would swallow the rest of the table: an error at that cell.
    let errs = import("Year,Headline\n2000,\"oops\n2001,b\n2002,c\n", Delimiter::Comma)
        .unwrap()
        .validate()
        .map(|t| t.events.len())
        .expect_err("an unclosed quote");
    let shown: Vec<String> = errs.iter().map(|e| format!("{:?} {e}", e.at)).collect();
    assert!(
        shown[0].starts_with("Some((2, 6)) line 2: a quote opens this cell and is never closed"),
        "{shown:?}"
    );
    // The smallest integer is not a year (and does not overflow).
    let errs = import("Year,Headline\n-9223372036854775808,A\n", Delimiter::Comma)
        .unwrap()
        .validate()
        .map(|t| t.events.len())
        .expect_err("no such year");
    assert!(errs[0].to_string().starts_with("row 2, Year: "), "{errs:?}");
    // Rows are counted from the top, blank lines included: the header here is row 3.
    let imported = import("\n\nYear,Headline,Colour\n2004,A,red\n", Delimiter::Comma).unwrap();
    let w: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(w, ["row 3, Colour: is not a column of the TimelineJS template; it is ignored"]);
    // Dates before the common era are named in words in messages, not as ISO's astronomical years.
    let errs = import("Year,End Year,Headline\n-44,-45,Backwards\n", Delimiter::Comma)
        .unwrap()
        .validate()
        .map(|t| t.events.len())
        .expect_err("end before start");
    assert_eq!(errs[0].to_string(), "row 2, End Year: 45 BCE is before the start 44 BCE");
}
