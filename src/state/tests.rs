//! The session, natively: every intent's new state and effects.

use super::*;

const DAY: f64 = 1440.0;

fn bundled() -> Data {
    Data(Rc::new(crate::format::from_str(crate::BUNDLED_DATA)))
}

/// A session of the bundled data, 1000 px wide, showing everything.
fn session() -> Rc<ViewState> {
    let (mut s, fx) = ViewState::start(bundled(), None);
    assert!(fx.is_empty(), "{fx:?}");
    s.width = 1000.0;
    Rc::new(s)
}

/// A session of no data in particular, spanning 10,000 days.
fn empty() -> Rc<ViewState> {
    let lim = Limits::around(0.0, 10_000.0 * DAY);
    let data = Data(Rc::new(Err(Vec::new())));
    let mut s = ViewState::new(data, lim, Viewport::fit(&lim));
    s.width = 1000.0;
    Rc::new(s)
}

fn id(s: &str) -> EventId {
    crate::model::test_id(s)
}

/// Applies intents in turn; returns the last state and every effect.
fn run(s: &Rc<ViewState>, intents: impl IntoIterator<Item = Intent>) -> (Rc<ViewState>, Vec<Effect>) {
    let mut s = s.clone();
    let mut all = Vec::new();
    for i in intents {
        let (next, fx) = s.apply(i);
        s = next;
        all.extend(fx);
    }
    (s, all)
}

fn hosts(fx: &[Effect]) -> Vec<String> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Host(HostEvent::Select(sel)) => Some(format!("select:{}", sel.id)),
            Effect::Host(HostEvent::Close) => Some("close".to_owned()),
            Effect::Host(HostEvent::Range { .. }) => Some("range".to_owned()),
            Effect::Host(HostEvent::Ready) => Some("ready".to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_initial_view_follows_the_start() {
    let data = bundled();
    let Some(t) = data.get() else { panic!("bundled data") };
    let (lim, all, open) = initial(t, &Start::All);
    assert_eq!((all, open), (Viewport::fit(&lim), None));
    let Ok(start) = Start::parse("vienna-2024-opening", t) else { panic!("id") };
    let (_, view, open) = initial(t, &start);
    assert_eq!(open.map(|a| a.to_string()), Some("vienna-2024-opening".to_owned()));
    assert!(view.span() >= 2.0 * 365.0 * DAY && view.span() < 4.0 * 365.0 * DAY);
    let Ok(range) = Start::parse("2010/2011", t) else { panic!("range") };
    let (_, view, _) = initial(t, &range);
    assert!((view.span() - 730.0 * DAY).abs() < 1.0, "{}", view.span() / DAY);
}

#[test]
fn a_start_entry_opens_in_its_meeting_tells_the_host_and_leaves_focus_with_the_page() {
    let data = bundled();
    let start = data.get().map(|t| Start::parse("vienna-2024-opening", t));
    let (s, fx) = ViewState::start(data, start);
    assert_eq!(s.scope, Scope::Event(id("vienna-2024")));
    assert_eq!(s.selected, Some(id("vienna-2024-opening")));
    assert_eq!(hosts(&fx), ["select:vienna-2024-opening"]);
    assert!(fx.contains(&Effect::Hash(Some(id("vienna-2024-opening")))));
    assert!(!fx.iter().any(|e| matches!(e, Effect::Focus(_))), "focus stays with the page: {fx:?}");
    // A start the page got wrong: the data's own start, and a notice saying why.
    let (s, fx) = ViewState::start(bundled(), Some(Err("no such entry".to_owned())));
    assert_eq!(
        (s.selected, s.notice, fx),
        (None, Some(Notice::BadStart("no such entry".to_owned())), vec![])
    );
}

#[test]
fn every_way_of_opening_an_entry_is_one_transition_with_the_same_effects() {
    // A click on a mark, Enter on it, a list item, a deep link and handle.select() all send this.
    let s = session();
    let (opened, fx) = s.apply(Intent::Open("uk-modern-slavery-act".to_owned()));
    assert_eq!(opened.selected, Some(id("uk-modern-slavery-act")));
    assert_eq!(opened.active, Some(id("uk-modern-slavery-act")));
    assert_eq!(opened.announcement(), Announcement::Opened(id("uk-modern-slavery-act")));
    let Some(Effect::Host(HostEvent::Select(sel))) = fx.iter().find(|e| matches!(e, Effect::Host(_))) else {
        panic!("no select: {fx:?}")
    };
    assert_eq!(
        (sel.title.as_str(), sel.date.as_str(), sel.category, sel.sources.len()),
        ("UK Modern Slavery Act", "2015-03-26", Category::NationalLaw, 2)
    );
    assert_eq!(fx.first(), Some(&Effect::Focus(Focus::Panel)));
    assert!(fx.contains(&Effect::Hash(Some(id("uk-modern-slavery-act")))));
    // The whole span was in view: the view did not move, so no range change.
    assert_eq!(hosts(&fx), ["select:uk-modern-slavery-act"]);
    // Opening it again moves focus to the panel again, and tells the host nothing new.
    let (again, fx) = opened.apply(Intent::Open("uk-modern-slavery-act".to_owned()));
    assert!(Rc::ptr_eq(&again, &opened));
    assert_eq!(fx, vec![Effect::Focus(Focus::Panel)]);
}

#[test]
fn opening_a_session_enters_its_meeting_and_keeps_the_meeting_in_view() {
    let s = session();
    let (zoomed, _) = run(&s, [Intent::Show { from: 0.0, to: 100.0 * DAY, pad: 0.0 }]);
    let (s, fx) = zoomed.apply(Intent::Open("vienna-2024-nestorova".to_owned()));
    assert_eq!(s.scope, Scope::Event(id("vienna-2024")));
    assert_eq!(s.selected, Some(id("vienna-2024-nestorova")));
    let Some(t) = s.timeline() else { panic!("data") };
    let Some(meeting) = t.find("vienna-2024") else { panic!("meeting") };
    let (a, b) = span_of(meeting);
    assert!(s.view.shows(a, b), "the meeting's mark is in view");
    assert_eq!(hosts(&fx), ["select:vienna-2024-nestorova", "range"]);
}

#[test]
fn an_unknown_id_gives_a_quiet_notice_and_nothing_else() {
    let s = session();
    let (s2, fx) = s.apply(Intent::Open("no-such-event".to_owned()));
    assert_eq!(s2.notice, Some(Notice::NoEntry("no-such-event".to_owned())));
    assert_eq!((s2.selected.clone(), s2.view), (None, s.view));
    assert!(fx.is_empty(), "{fx:?}");
    // Opening a real entry clears it.
    let (s3, _) = s2.apply(Intent::Open("uk-modern-slavery-act".to_owned()));
    assert_eq!(s3.notice, None);
}

#[test]
fn closing_returns_focus_to_the_entry_and_clears_the_hash() {
    let (s, _) = run(&session(), [Intent::Open("uk-modern-slavery-act".to_owned())]);
    let (closed, fx) = s.apply(Intent::Close);
    assert_eq!(closed.selected, None);
    assert_eq!(
        fx,
        vec![
            Effect::Focus(Focus::Entry(id("uk-modern-slavery-act"))),
            Effect::Host(HostEvent::Close),
            Effect::Hash(None)
        ]
    );
    // Closing twice changes nothing and does nothing.
    let (again, fx) = closed.apply(Intent::Close);
    assert!(Rc::ptr_eq(&closed, &again) && fx.is_empty());
}

#[test]
fn escape_closes_then_leaves_the_meeting_then_is_the_pages() {
    let (s, _) = run(&session(), [Intent::Enter(id("vienna-2024"))]);
    assert_eq!(s.announcement(), Announcement::SessionsOf(id("vienna-2024")));
    let (s, _) = run(&s, [Intent::Open("vienna-2024-opening".to_owned())]);
    assert_eq!(keys::widget_key(&s, "Escape"), Some(Intent::Back));
    let (s, fx) = s.apply(Intent::Back);
    assert_eq!((s.selected.clone(), s.scope.clone()), (None, Scope::Event(id("vienna-2024"))));
    assert_eq!(fx.first(), Some(&Effect::Focus(Focus::Entry(id("vienna-2024-opening")))));
    let (s, fx) = s.apply(Intent::Back);
    assert_eq!((s.scope.clone(), s.active.clone()), (Scope::All, Some(id("vienna-2024"))));
    assert_eq!(fx.first(), Some(&Effect::Focus(Focus::Entry(id("vienna-2024")))));
    // Nothing open, nothing entered: Esc is left to the page.
    assert_eq!(keys::widget_key(&s, "Escape"), None);
    let (same, fx) = s.apply(Intent::Back);
    assert!(Rc::ptr_eq(&s, &same) && fx.is_empty());
    // The breadcrumb does what the second Esc did.
    let (inside, _) = s.apply(Intent::Enter(id("vienna-2024")));
    let (out, fx) = inside.apply(Intent::Leave);
    assert_eq!(
        (out.scope.clone(), fx.first().cloned()),
        (Scope::All, Some(Effect::Focus(Focus::Entry(id("vienna-2024")))))
    );
}

#[test]
fn arrows_move_in_time_across_lanes_and_skip_hidden_lanes() {
    let s = session();
    let Some(t) = s.timeline() else { panic!("data") };
    let first = t.events.first().map(|e| e.id.clone()).unwrap_or_else(|| id("?"));
    let second = t.events.get(1).map(|e| e.id.clone()).unwrap_or_else(|| id("?"));
    let last = t.events.last().map(|e| e.id.clone()).unwrap_or_else(|| id("?"));
    let mv = |s: &Rc<ViewState>, from: &EventId, key: &str| {
        let dir = Direction::from_key(key).unwrap_or_else(|| panic!("{key}"));
        s.apply(Intent::Move { from: from.clone(), dir })
    };
    let (s2, fx) = mv(&s, &first, "ArrowRight");
    assert_eq!(
        (s2.active.clone(), fx.first().cloned()),
        (Some(second.clone()), Some(Effect::Focus(Focus::Entry(second.clone()))))
    );
    assert_eq!(mv(&s2, &second, "ArrowLeft").0.active, Some(first.clone()));
    assert_eq!(mv(&s, &first, "End").0.active, Some(last.clone()));
    assert_eq!(mv(&s, &last, "Home").0.active, Some(first.clone()));
    // Before the first and after the last: nowhere to go, nothing happens.
    let (same, fx) = mv(&s, &first, "ArrowLeft");
    assert!(Rc::ptr_eq(&same, &s) && fx.is_empty());
    assert_eq!(Direction::from_key("a"), None);
    // Up and down: the nearest event in time in the neighbouring lane.
    let Some(palermo) = t.find("palermo-protocol-adopted") else { panic!("palermo") };
    assert_eq!(palermo.category(), Category::Un);
    let down = keys::target(t, &[], "palermo-protocol-adopted", Direction::LaneDown);
    let osce_nearest = t
        .events
        .iter()
        .filter(|e| e.category == Category::Osce)
        .min_by_key(|e| (e.when.start_minute() - palermo.when().start_minute()).abs())
        .map(|e| e.id.clone());
    assert_eq!(down, osce_nearest);
    assert_eq!(keys::target(t, &[], "palermo-protocol-adopted", Direction::LaneUp), None);
    // With the OSCE lane hidden, down skips to the Council of Europe, and → skips OSCE events.
    let hidden = [Category::Osce];
    let down = keys::target(t, &hidden, "palermo-protocol-adopted", Direction::LaneDown);
    assert_eq!(down.and_then(|d| t.find(d.as_str())).map(|i| i.category()), Some(Category::Coe));
    let mut at = first;
    while let Some(next) = keys::target(t, &hidden, at.as_str(), Direction::Next) {
        assert_ne!(t.find(next.as_str()).map(|i| i.category()), Some(Category::Osce));
        at = next;
    }
    assert_eq!(at, last);
}

#[test]
fn a_move_to_an_entry_out_of_view_brings_it_into_view() {
    let (s, _) = run(&session(), [Intent::ZoomBy { factor: 50.0, anchor: Some(0.0) }]);
    let Some(t) = s.timeline() else { panic!("data") };
    let last = t.events.last().map(|e| e.id.clone()).unwrap_or_else(|| id("?"));
    let first = t.events.first().map(|e| e.id.clone()).unwrap_or_else(|| id("?"));
    let (moved, fx) = s.apply(Intent::Move { from: first, dir: Direction::Last });
    let Some(item) = t.find(last.as_str()) else { panic!("last") };
    let (a, b) = span_of(item);
    assert!(moved.view.shows(a, b));
    assert!(moved.animate, "a key move is animated");
    assert_eq!(hosts(&fx), ["range"]);
}

#[test]
fn keys_anywhere_zoom_only_on_the_time_axis() {
    let s = session();
    assert_eq!(keys::widget_key(&s, "+"), Some(Intent::ZoomBy { factor: 2.0, anchor: None }));
    assert_eq!(keys::widget_key(&s, "-"), Some(Intent::ZoomBy { factor: 0.5, anchor: None }));
    assert_eq!(keys::widget_key(&s, "a"), None);
    let (list, _) = s.apply(Intent::SetMode(Mode::List));
    assert_eq!(keys::widget_key(&list, "+"), None);
    let (inside, _) = s.apply(Intent::Enter(id("vienna-2024")));
    assert_eq!(keys::widget_key(&inside, "-"), None);
}

#[test]
fn the_host_can_show_a_range_from_anywhere() {
    let (s, _) = run(&session(), [Intent::Enter(id("vienna-2024")), Intent::SetMode(Mode::List)]);
    let (s, fx) = s.apply(Intent::ShowRange { from: 0.0, to: 1.0 });
    assert_eq!(
        (s.scope.clone(), s.mode, s.active.clone()),
        (Scope::All, Mode::Timeline, Some(id("vienna-2024")))
    );
    assert_eq!(hosts(&fx), ["range"]);
}

#[test]
fn zoom_and_pan_stay_within_limits_and_tell_the_host() {
    let s = empty();
    let (z, fx) = s.apply(Intent::ZoomBy { factor: 4.0, anchor: Some(0.0) });
    assert!((z.view.span() - s.view.span() / 4.0).abs() < 1e-6);
    assert!((z.view.from - s.view.from).abs() < 1e-6, "anchor at the left edge stays");
    assert_eq!(fx, vec![Effect::Host(HostEvent::Range { from: z.view.from, to: z.view.to })]);
    let (p, _) = z.apply(Intent::PanBy(-1e9));
    assert!((p.view.to - p.limits.max).abs() < 1e-6);
    let (f, _) = p.apply(Intent::Fit);
    assert_eq!(f.view, Viewport::fit(&f.limits));
    let (e, _) = run(&f, [Intent::ZoomBy { factor: 10.0, anchor: None }, Intent::Edge(false)]);
    assert!((e.view.from - e.limits.min).abs() < 1e-6);
    // At the limit, a pan changes nothing and says nothing.
    let (same, fx) = e.apply(Intent::PanBy(1e9));
    assert!(Rc::ptr_eq(&same, &e) && fx.is_empty());
}

#[test]
fn only_discrete_moves_are_animated() {
    let s = empty();
    let (wheel, _) = s.apply(Intent::ZoomBy { factor: 2.0, anchor: Some(10.0) });
    assert!(!wheel.animate);
    let (button, _) = wheel.apply(Intent::ZoomBy { factor: 2.0, anchor: None });
    assert!(button.animate);
    let (drag, _) = button.apply(Intent::PanBy(50.0));
    assert!(!drag.animate);
    // A change that does not move the view keeps the last kind of move.
    assert!(!drag.apply(Intent::ToggleLane(Category::Un)).0.animate);
    assert!(run(&s, [Intent::PanBy(50.0), Intent::Fit]).0.animate);
}

#[test]
fn lanes_toggle_but_one_always_stays() {
    let mut s = empty();
    for c in Category::ALL {
        s = s.apply(Intent::ToggleLane(c)).0;
    }
    assert_eq!(s.hidden.len(), Category::ALL.len() - 1);
    assert!(s.shows_lane(Category::Other));
    let s = s.apply(Intent::ToggleLane(Category::Un)).0;
    assert!(s.shows_lane(Category::Un));
}

#[test]
fn the_live_region_follows_the_state() {
    let s = session();
    assert_eq!(s.announcement(), Announcement::Range);
    let (dragging, _) = s.apply(Intent::Gesture(true));
    assert_eq!(dragging.announcement(), Announcement::Quiet);
    let (list, _) = s.apply(Intent::SetMode(Mode::List));
    assert_eq!(list.announcement(), Announcement::Quiet);
    let mut unmeasured = (*s).clone();
    unmeasured.width = 0.0;
    assert_eq!(unmeasured.announcement(), Announcement::Quiet);
}

#[test]
fn a_resize_changes_the_width_only_when_it_is_real() {
    let s = empty();
    for bad in [f64::NAN, -1.0, 0.0, 1000.2] {
        let (same, fx) = s.apply(Intent::Resize(bad));
        assert!(Rc::ptr_eq(&same, &s) && fx.is_empty(), "{bad}");
    }
    let (wider, fx) = s.apply(Intent::Resize(1200.0));
    assert_eq!((wider.width, fx), (1200.0, vec![]));
}

#[test]
fn the_layout_follows_the_widgets_own_width_unless_the_page_chooses() {
    let s = session();
    assert!(!s.vertical(), "not measured yet: horizontal");
    let (phone, fx) = s.apply(Intent::Container(390.0));
    assert!(phone.vertical() && fx.is_empty());
    assert_eq!(phone.announcement(), Announcement::Quiet, "no range to announce in the vertical view");
    assert_eq!(keys::widget_key(&phone, "+"), None, "no zoom in the vertical view");
    assert!(!phone.apply(Intent::Container(600.0)).0.vertical());
    assert!(phone.apply(Intent::Container(599.0)).0.vertical());
    let mut desktop = (*s.apply(Intent::Container(1200.0)).0).clone();
    desktop.layout = Layout::Vertical;
    assert!(desktop.vertical(), "a desktop column may choose the vertical view");
    let mut narrow = (*phone).clone();
    narrow.layout = Layout::Horizontal;
    assert!(!narrow.vertical());
    assert_eq!(Layout::from_name(" Vertical "), Some(Layout::Vertical));
    assert_eq!(Layout::from_name("sideways"), None);
    assert_eq!(keys::vertical_direction("ArrowDown"), Some(Direction::Next));
    assert_eq!(keys::vertical_direction("ArrowUp"), Some(Direction::Previous));
    assert_eq!(keys::vertical_direction("Enter"), None);
}

#[test]
fn a_widget_sized_from_its_host_lays_out_for_the_width_it_will_measure() {
    let fresh = || ViewState::start(bundled(), None).0;
    // A desktop host 1200 px wide: the surface is what `.att`'s border and padding and the surface's
    // border leave (1200 - 2 × 18).
    let desk = fresh().sized(1200.0);
    assert_eq!((desk.container, desk.width, desk.vertical()), (1200.0, 1164.0, false));
    // The measurements after the first render find the same widths: nothing to render again.
    let desk = Rc::new(desk);
    assert!(Rc::ptr_eq(&desk, &desk.apply(Intent::Container(1200.0)).0));
    assert!(Rc::ptr_eq(&desk, &desk.apply(Intent::Resize(1164.0)).0));
    // A host with padding: the measurement corrects the estimate.
    assert_eq!(desk.apply(Intent::Resize(1100.0)).0.width, 1100.0);
    // Below 600 px the view is vertical unless the page asks for the horizontal one; from 560 px
    // down the widget's padding is 8 px.
    let mut horizontal = fresh();
    horizontal.layout = Layout::Horizontal;
    assert_eq!(horizontal.clone().sized(561.0).width, 561.0 - 36.0);
    assert_eq!(horizontal.sized(560.0).width, 560.0 - 20.0);
    // A phone gets the vertical view from the first render; the page may ask for the horizontal one.
    let phone = fresh().sized(390.0);
    assert!(phone.vertical() && phone.width == 0.0);
    let mut narrow = fresh();
    narrow.layout = Layout::Horizontal;
    assert_eq!(narrow.sized(390.0).width, 390.0 - 20.0);
    // An entry opened at start on a wide widget: its details take their column beside the stage.
    let data = bundled();
    let start = data.get().map(|t| Start::parse("palermo-protocol-adopted", t));
    let open = ViewState::start(data, start).0.sized(1200.0);
    assert_eq!(open.width, 1200.0 - 36.0 - SIDE_PANEL_SPACE);
    // Unknown (a hidden host): nothing changes until the widget measures itself.
    for w in [0.0, -5.0, f64::NAN, f64::INFINITY] {
        let s = fresh().sized(w);
        assert_eq!((s.container, s.width), (0.0, 0.0), "{w}");
    }
}

#[test]
fn the_width_classes_follow_the_measured_width_at_each_threshold() {
    let classes = |w: f64| -> Vec<&str> {
        session().apply(Intent::Container(w)).0.width_classes().into_iter().flatten().collect()
    };
    assert_eq!(session().width_classes(), [Some("att-narrow"), None, Some("att-slim")], "not measured yet");
    // The same for a view that has only the width read at mount (the list of the data's problems).
    assert_eq!(super::width_classes_of(390.0), [Some("att-narrow"), None, Some("att-slim")]);
    assert_eq!(super::width_classes_of(1280.0), [None, Some("att-side"), None]);
    assert_eq!(classes(390.0), ["att-narrow", "att-slim"]);
    assert_eq!(classes(560.0), ["att-narrow", "att-slim"]);
    assert_eq!(classes(560.5), ["att-narrow"]);
    assert_eq!(classes(599.5), ["att-narrow"]);
    assert_eq!(classes(600.0), Vec::<&str>::new());
    assert_eq!(classes(899.5), Vec::<&str>::new());
    assert_eq!(classes(900.0), ["att-side"]);
    assert_eq!(classes(1280.0), ["att-side"]);
    // A desktop page that asks for the vertical view keeps the desktop's styles.
    let mut column = (*session().apply(Intent::Container(1280.0)).0).clone();
    column.layout = Layout::Vertical;
    assert_eq!(column.width_classes(), [None, Some("att-side"), None]);
}

#[test]
fn in_the_vertical_view_opening_and_moving_leave_the_axis_alone_and_zoom_to_scrolls() {
    let (phone, _) = session().apply(Intent::Container(390.0));
    let (opened, fx) = phone.apply(Intent::Open("vienna-2024-opening".to_owned()));
    assert_eq!(opened.view, phone.view);
    assert_eq!(hosts(&fx), ["select:vienna-2024-opening"], "no range change: {fx:?}");
    assert_eq!(opened.scope, Scope::Event(id("vienna-2024")), "the meeting unfolds in place");
    let (s, fx) = phone.apply(Intent::ShowRange { from: 1000.0, to: 2000.0 });
    assert_eq!((s.view, fx), (phone.view, vec![Effect::ScrollTo(1000.0)]));
}

#[test]
fn closing_brings_focus_back_to_what_is_shown_of_the_entry() {
    // Open A, move the keyboard to the last event (the view follows), close: A is the tab stop again,
    // in view, and takes the focus.
    let (zoomed, _) = run(&session(), [Intent::ZoomBy { factor: 50.0, anchor: Some(0.0) }]);
    let Some(t) = zoomed.timeline() else { panic!("data") };
    let first = t.events.first().map(|e| e.id.clone()).unwrap_or_else(|| id("?"));
    let (s, _) = run(
        &zoomed,
        [Intent::Open(first.to_string()), Intent::Move { from: first.clone(), dir: Direction::Last }],
    );
    assert_ne!(s.active, Some(first.clone()));
    let (closed, fx) = s.apply(Intent::Close);
    assert_eq!(closed.active, Some(first.clone()));
    let Some(item) = t.find(first.as_str()) else { panic!("first") };
    let (a, b) = span_of(item);
    assert!(closed.view.shows(a, b), "the entry is back in view");
    assert_eq!(fx.first(), Some(&Effect::Focus(Focus::Entry(first))));
    // A session closed after its meeting was left: focus goes to the meeting's mark.
    let (s, _) = run(&session(), [Intent::Open("vienna-2024-opening".to_owned()), Intent::Leave]);
    let (closed, fx) = s.apply(Intent::Close);
    assert_eq!(closed.active, Some(id("vienna-2024")));
    assert_eq!(fx.first(), Some(&Effect::Focus(Focus::Entry(id("vienna-2024")))));
}

#[test]
fn opening_an_entry_of_a_hidden_lane_shows_the_lane_again() {
    let (s, _) =
        run(&session(), [Intent::ToggleLane(Category::NationalLaw), Intent::ToggleLane(Category::Osce)]);
    let (opened, _) = s.apply(Intent::Open("uk-modern-slavery-act".to_owned()));
    assert_eq!(opened.hidden, vec![Category::Osce]);
    let (session_opened, _) = opened.apply(Intent::Open("vienna-2024-opening".to_owned()));
    assert!(session_opened.hidden.is_empty(), "a session shows its meeting's lane");
}

#[test]
fn in_the_vertical_view_arrows_walk_every_card_periods_included() {
    let (phone, _) = session().apply(Intent::Container(390.0));
    let Some(t) = phone.timeline() else { panic!("data") };
    // 13 May 2004: the first OSCE Special Representative, then her term as a period card.
    let (s, fx) = phone.apply(Intent::Move { from: id("osce-sr-konrad"), dir: Direction::Next });
    let period = t.periods.iter().find(|p| p.info.title == "Helga Konrad").map(|p| p.id.clone());
    assert_eq!(s.active, period, "{fx:?}");
    let Some(period) = period else { panic!("period") };
    let (back, _) = s.apply(Intent::Move { from: period, dir: Direction::Previous });
    assert_eq!(back.active, Some(id("osce-sr-konrad")));
    let last = keys::column_target(t, &[], "osce-sr-konrad", Direction::Last);
    assert!(last.is_some());
}

#[test]
fn details_opening_beside_the_timeline_narrow_it_in_the_same_render() {
    // A 1200 px widget with a 1166 px surface: the details take their column and the gap.
    let s = session().apply(Intent::Container(1200.0)).0.apply(Intent::Resize(1166.0)).0;
    let first = s.timeline().and_then(|t| t.events.first()).map(|e| e.id.clone());
    let Some(first) = first else { panic!("the bundled data has events") };
    let (open, _) = s.apply(Intent::Open(first.to_string()));
    assert_eq!(open.width, 1166.0 - SIDE_PANEL_SPACE);
    // At the same scale (pixels per minute) and from the same left edge: nothing on the axis moves.
    let scale = |v: &ViewState| v.width / v.view.span();
    assert!((scale(&open) - scale(&s)).abs() < 1e-12 && open.view.from == s.view.from);
    // The observer's report of the width it predicted changes nothing: no second render.
    let (same, fx) = open.apply(Intent::Resize(1166.0 - SIDE_PANEL_SPACE));
    assert!(Rc::ptr_eq(&same, &open) && fx.is_empty());
    // Another entry while the details are open: the width stays; closing gives it back.
    let second = s.timeline().and_then(|t| t.events.get(1)).map(|e| e.id.to_string()).unwrap_or_default();
    let (other, _) = open.apply(Intent::Open(second));
    assert_eq!(other.width, open.width);
    let (closed, _) = other.apply(Intent::Close);
    assert_eq!(closed.width, 1166.0);
    assert_eq!(closed.view, s.view, "closing gives the view back");
    // Below 900 px the details open under the timeline, and in the vertical view inside it.
    for container in [899.0, 390.0] {
        let narrow = s.apply(Intent::Container(container)).0;
        let (open, _) = narrow.apply(Intent::Open(first.to_string()));
        assert_eq!(open.width, narrow.width, "{container}");
    }
}
