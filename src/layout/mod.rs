//! Layout: pure arithmetic from the model to positions and groupings. No DOM, no framework.
//!
//! Architecture invariant: this module never imports `yew`, `web_sys` or `js_sys`.

mod agenda;

pub use agenda::{agenda, AgendaDay, DayKey};
