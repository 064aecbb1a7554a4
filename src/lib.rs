//! An interactive, accessible timeline of the international effort against trafficking in human
//! beings (2000–2024) and of the 2024 Vienna meeting of National Anti-trafficking Co-ordinators and
//! Rapporteurs, as a Yew component compiled to WebAssembly.
//!
//! Layers, each depending only on those above it (see ARCHITECTURE.md):
//! - [`model`]: the domain, a validated [`model::Timeline`] (native, no browser types);
//! - [`format`]: JSON → wire types → validated timeline, TimelineJS3 import, check-data, schema (native);
//! - [`layout`]: pure arithmetic and grouping for display (native);
//! - [`state`]: the session: view state, intents in, effects out, pure (native);
//! - `hooks`: the session store and its effect runner, element width, fetch (wasm32 only);
//! - `components`: the Yew view (wasm32 only);
//! - `embed`: the only module that touches the host document (wasm32 only);
//! - [`editor`]: the editor page's logic (`src/bin/editor.rs` exports it; the widget never links it).

pub mod attrs;
pub mod editor;
pub mod fallback;
pub mod format;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod components;
/// Behind the `widget` feature (on by default) because it holds the widget's wasm-bindgen exports
/// (`mount`, `Handle`), which every binary linking this library would otherwise carry: the editor's
/// module (`src/bin/editor.rs`) is built without it.
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod guard;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod intl;
#[cfg(target_arch = "wasm32")]
pub mod source;

/// The bundled data file, as written (native builds: tests, `cargo xtask check-data` and the no-JS
/// list). The wasm does not compile it in: it fetches `data/timeline.LANG.json` from beside itself
/// (`format::split`, `embed::default_src`).
#[cfg(not(target_arch = "wasm32"))]
pub const BUNDLED_DATA: &str = include_str!("../data/timeline.json");
