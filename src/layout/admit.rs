//! Which marks enter the DOM in this frame.
//!
//! A zoom step can bring a hundred or more marks into view at once; creating them all in one frame
//! takes several frames' time (at N = 10,000 a step cost about 30 ms of script and 20 ms of style
//! and layout). So marks already shown stay and are moved, at most a budget of new ones is added per
//! frame, nearest the view's centre first, and marks that left the view go a budget per frame, the
//! farthest first; the rest follow in the next frames. Marks that must be there (the selected one,
//! the one with focus) are never held back (the tab stop is chosen among the marks rendered), and
//! when no mark is shown yet (the first render, new data, another language) all of them come at once.

use crate::model::order;

/// New marks added per frame when others are already shown. Measured with `cargo xtask bench` at
/// N = 10,000: 20 keeps the p95 frame of wheel and programmatic zoom at one frame; 40 left the
/// programmatic zoom at two.
pub const ADMIT_PER_FRAME: usize = 20;
/// Marks no longer wanted that leave the DOM per frame (the others stay a little longer, placed
/// where the new layout puts them, outside the view).
pub const RETIRE_PER_FRAME: usize = 20;

/// A mark (or cluster) of the layout: `key` identifies it from frame to frame (below the `keys`
/// passed to [`admit`]); `x` is its position in the placement's frame; `wanted`: it is in the
/// rendered range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub key: usize,
    pub x: f64,
    pub wanted: bool,
}

/// What to render in this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admitted {
    /// Parallel to the candidates: render it now.
    pub include: Vec<bool>,
    /// By key: shown after this frame (the next call's `shown`).
    pub shown: Vec<bool>,
    /// Candidates that will change in a later frame: wanted ones held back, unwanted ones lingering.
    pub deferred: usize,
}

/// Chooses what to render. `shown` (by key) is what the last frame rendered; `must` says whether a
/// key cannot wait; `center` is the view's centre; at most `add` new candidates come and `retire`
/// shown ones that are no longer wanted leave (the farthest first). A shown key that is no longer a
/// candidate (now in a cluster, say) leaves at once.
pub fn admit(
    all: &[Candidate],
    keys: usize,
    shown: &[bool],
    must: impl Fn(usize) -> bool,
    center: f64,
    (add, retire): (usize, usize),
) -> Admitted {
    let was = |k: usize| shown.get(k).copied().unwrap_or(false);
    let first = !shown.iter().any(|&s| s);
    let mut include = vec![false; all.len()];
    // (distance from the centre, candidate) of new wanted ones, and of shown ones no longer wanted.
    let mut waiting = Vec::new();
    let mut leaving = Vec::new();
    for (i, (c, slot)) in all.iter().zip(include.iter_mut()).enumerate() {
        let d = (c.x - center).abs();
        if c.wanted && (first || was(c.key) || must(c.key)) {
            *slot = true;
        } else if c.wanted {
            waiting.push((d, i));
        } else if was(c.key) {
            leaving.push((d, i));
        }
    }
    // Exactly `add` of the waiting come, the nearest first; exactly `retire` of the leaving go, the
    // farthest first (ties by order, so that every frame makes progress).
    // (`model::order`: the crate's one sort; ties keep their order.)
    let by_distance = |v: Vec<(f64, usize)>| order::sorted_by(v, |&(d, _)| [order::float_key(d), 0, 0]);
    if waiting.len() > add {
        waiting = by_distance(waiting);
    }
    if leaving.len() > retire {
        leaving = by_distance(leaving);
    }
    let stay = leaving.len().saturating_sub(retire);
    let now_in = waiting.iter().take(add).chain(leaving.iter().take(stay));
    for &(_, i) in now_in {
        if let Some(slot) = include.get_mut(i) {
            *slot = true;
        }
    }
    let deferred = waiting.len().saturating_sub(add) + stay;
    let mut now = vec![false; keys];
    for (c, _) in all.iter().zip(&include).filter(|(_, &inc)| inc) {
        if let Some(s) = now.get_mut(c.key) {
            *s = true;
        }
    }
    Admitted { include, shown: now, deferred }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, reason = "a failing test panics: that is how it reports")]
mod tests {
    use super::*;

    /// Candidates with keys `keys`, 10 px apart by key; those in `wanted` are wanted.
    fn at(keys: std::ops::Range<usize>, wanted: std::ops::Range<usize>) -> Vec<Candidate> {
        keys.map(|key| Candidate {
            key,
            x: f64::from(u32::try_from(key).unwrap_or(0)) * 10.0,
            wanted: wanted.contains(&key),
        })
        .collect()
    }

    fn count(v: &[bool]) -> usize {
        v.iter().filter(|&&b| b).count()
    }

    #[test]
    fn with_nothing_shown_every_wanted_mark_comes_at_once() {
        let a = admit(&at(0..200, 0..150), 200, &[], |_| false, 0.0, (40, 40));
        assert_eq!(count(&a.include), 150);
        assert_eq!(a.deferred, 0);
        assert_eq!(count(&a.shown), 150);
        assert!(!a.shown[150]);
    }

    #[test]
    fn new_marks_beyond_the_budget_wait_nearest_the_centre_first() {
        let all = at(0..100, 0..100);
        // Marks 0..10 were shown; all 100 are wanted now; the centre is at x = 505 (between 50 and 51).
        let mut shown = vec![false; 100];
        shown[..10].iter_mut().for_each(|s| *s = true);
        let a = admit(&all, 100, &shown, |_| false, 505.0, (20, 20));
        assert_eq!(count(&a.include), 30);
        assert_eq!(a.deferred, 70);
        assert!(a.include[..10].iter().all(|&b| b), "marks shown before stay");
        assert!(a.include[41..61].iter().all(|&b| b), "the 20 new ones nearest the centre come first");
        assert!(!a.include[40] && !a.include[61]);
        // The next frames add 20 each, until nothing waits.
        let mut s = a.shown;
        let mut frames = 1;
        loop {
            let next = admit(&all, 100, &s, |_| false, 505.0, (20, 20));
            frames += 1;
            assert_eq!(count(&next.include), (30 + 20 * (frames - 1)).min(100));
            s = next.shown;
            if next.deferred == 0 {
                break;
            }
        }
        assert_eq!(count(&s), 100);
        assert_eq!(frames, 5);
    }

    #[test]
    fn marks_at_the_same_place_still_come_and_go_a_budget_per_frame() {
        let same: Vec<Candidate> = (0..10).map(|key| Candidate { key, x: 0.0, wanted: key >= 5 }).collect();
        let mut s = vec![true; 5];
        let mut frames = 0;
        loop {
            let a = admit(&same, 10, &s, |_| false, 0.0, (2, 2));
            frames += 1;
            assert!(count(&a.include) <= 5 + 2);
            s = a.shown;
            if a.deferred == 0 {
                break;
            }
            assert!(frames < 10, "no progress");
        }
        assert_eq!(s, (0..10).map(|k| k >= 5).collect::<Vec<_>>());
    }

    #[test]
    fn marks_no_longer_wanted_leave_a_few_per_frame_the_farthest_first() {
        let mut shown = vec![false; 100];
        shown[..50].iter_mut().for_each(|s| *s = true);
        // Only 60..100 are wanted now (centre 800); 99 must be there (focused) although it is the
        // farthest new one; 0..50 leave, 5 per frame, the farthest (0..5) first.
        let all = at(0..100, 60..100);
        let a = admit(&all, 100, &shown, |k| k == 99, 800.0, (5, 5));
        assert!(a.include[99]);
        assert!(a.include[5..50].iter().all(|&b| b) && a.include[..5].iter().all(|&b| !b));
        assert_eq!(count(&a.include), 6 + 45);
        assert_eq!(a.deferred, 34 + 45);
        // A shown mark that is no longer a candidate (now in a cluster) leaves at once.
        let some: Vec<Candidate> = all.iter().copied().filter(|c| c.key >= 10).collect();
        let b = admit(&some, 100, &a.shown, |_| false, 800.0, (5, 5));
        assert!(b.shown[..10].iter().all(|&s| !s));
        assert!(b.shown[15..50].iter().all(|&s| s), "35 of the 40 leaving stay one more frame");
        // In the end exactly the wanted ones are shown.
        let mut s = b.shown;
        for _ in 0..20 {
            s = admit(&all, 100, &s, |_| false, 800.0, (5, 5)).shown;
        }
        assert_eq!(s, (0..100).map(|k| k >= 60).collect::<Vec<_>>());
    }
}
