//! The standalone page: mounts the bundled timeline on every mount point in `index.html`.

#[cfg(target_arch = "wasm32")]
fn main() {
    anti_trafficking_timeline::embed::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // The widget runs in a browser; natively, `cargo xtask serve` is the way to see it.
    eprintln!("Build for the browser: `cargo xtask serve`, then open http://127.0.0.1:8080");
}
