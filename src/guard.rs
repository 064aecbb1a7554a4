//! Which widget instance is running, for the panic hook (see `embed::install_panic_hook`).
//!
//! Panics are bugs: data, attributes and input never reach one (clippy denies `unwrap`, `expect`,
//! `panic!` and indexing outside tests). If one happens anyway, the hook needs to know which instance
//! was at work, so that only that one shows the error. Components note their instance as they render.

use std::cell::Cell;

thread_local! {
    static ACTIVE: Cell<u32> = const { Cell::new(0) };
}

/// The instance number in an id prefix: `att3` → 3 (also `att3-warm`, the unseen details laid out
/// after the first render).
pub fn instance_number(prefix: &str) -> Option<u32> {
    prefix.strip_prefix("att").and_then(|n| n.split('-').next()).and_then(|n| n.parse::<u32>().ok())
}

/// Notes that the instance with this id prefix (`att3`) is rendering.
pub fn rendering(prefix: &str) {
    if let Some(n) = instance_number(prefix) {
        ACTIVE.with(|a| a.set(n));
    }
}

/// The instance that rendered last (`att3` → 3), 0 if none has.
pub fn active() -> u32 {
    ACTIVE.with(Cell::get)
}
