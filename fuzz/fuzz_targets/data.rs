//! Data file → parse → validate → everything the widget computes natively from a valid timeline:
//! labels, start settings, layout at several zooms, agendas, the no-JavaScript fallback.
//! Any panic, overflow, out-of-bounds index or hang is a finding.
#![no_main]

use anti_trafficking_timeline::layout::{
    bands, lane_order, place_in_order, ticks, title_width, BandInput, Frame, Limits, MarkInput,
    Viewport,
};
use anti_trafficking_timeline::format::from_str;
use anti_trafficking_timeline::model::{agenda, Category, Lang, Start};
use anti_trafficking_timeline::state::{Data, Direction, Intent, ViewState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let Ok(t) = from_str(text) else { return };
    let _ = anti_trafficking_timeline::fallback::html(&t);
    for lang in [Lang::En, Lang::Ru] {
        let _ = t.title_in(lang);
        let _ = t.description_in(lang);
    }
    for e in &t.events {
        let _ = (e.when.iso(), e.when.label_en(), e.info.short_in(Lang::Fr), e.when.precision_gap());
        let _ = agenda(e);
        let _ = t.neighbours(e.id.as_str());
        let _ = Start::parse(e.id.as_str(), &t);
    }
    for s in ["all", "2004/2010", "2010-02/2004", "1999-13-40", "x", ""] {
        let _ = Start::parse(s, &t);
    }
    // The stage: marks by lane, placed at the fitted zoom and zoomed in.
    let lanes: Vec<Category> =
        Category::ALL.into_iter().filter(|c| t.events.iter().any(|e| e.category == *c)).collect();
    let marks: Vec<MarkInput> = t
        .events
        .iter()
        .map(|e| MarkInput {
            lane: lanes.iter().position(|c| *c == e.category).unwrap_or(0),
            start: e.when.start_minute() as f64,
            end: e.when.end_minute() as f64,
            label_w: title_width(e.info.short_in(Lang::En).chars().count()),
            pinned: false,
        })
        .collect();
    let order = lane_order(&marks, lanes.len());
    // The session: every entry opened and every key pressed on it, then zooms and pans.
    let (start, _) = ViewState::start(Data(std::rc::Rc::new(Ok(t.clone()))), None);
    let mut state = std::rc::Rc::new(start).apply(Intent::Resize(800.0)).0;
    let dirs = [Direction::Next, Direction::Previous, Direction::First, Direction::Last, Direction::LaneUp, Direction::LaneDown];
    for e in t.events.iter().chain(t.events.iter().flat_map(|e| e.children.iter())) {
        let (opened, _) = state.apply(Intent::Open(e.id.as_str().to_owned()));
        for dir in dirs {
            let _ = opened.apply(Intent::Move { from: e.id.clone(), dir });
        }
        let _ = opened.apply(Intent::Back).0.apply(Intent::Back);
    }
    for intent in [
        Intent::Fit,
        Intent::ZoomBy { factor: 8.0, anchor: Some(100.0) },
        Intent::PanBy(-3000.0),
        Intent::ZoomBy { factor: 1e6, anchor: None },
        Intent::Edge(true),
    ] {
        state = state.apply(intent).0;
        let v: Viewport = state.view;
        let _ = ticks(&v, 800.0);
        let frame = Frame::world(&v, 800.0, &state.limits);
        let out = place_in_order(&marks, &order, &[0], &frame, 3);
        assert!(
            out.placed.len() + out.clusters.iter().map(|c| c.members.len()).sum::<usize>() == marks.len()
        );
        let input: Vec<BandInput> = t
            .periods
            .iter()
            .map(|p| BandInput {
                group: 0,
                start: p.when.start_minute() as f64,
                end: p.when.end.map(|_| p.when.end_minute() as f64),
            })
            .collect();
        let _ = bands(&input, 1, limits.max, &v, 800.0, 44.0);
    }
    let _ = Limits::around(0.0, 1.0);
});
