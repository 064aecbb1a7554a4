//! The session store of one instance: the current [`ViewState`], a [`Sender`] of intents, and the
//! queue of effects that the runner carries out after each render.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Effect, Intent, ViewState};

struct Store {
    state: RefCell<Rc<ViewState>>,
    effects: RefCell<Vec<Effect>>,
    rerender: RefCell<Option<Callback<()>>>,
}

/// Sends intents to a session. Cheap to clone; equal when it is the same session.
#[derive(Clone)]
pub struct Sender(Rc<Store>);

impl PartialEq for Sender {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Sender {
    /// Applies `intent` now (to the latest state, not the last rendered one), queues its effects and
    /// asks for a render. Returns whether it changed anything or had effects.
    pub fn send(&self, intent: Intent) -> bool {
        let current = self.0.state.borrow().clone();
        let (next, effects) = current.apply(intent);
        let handled = !Rc::ptr_eq(&current, &next) || !effects.is_empty();
        *self.0.state.borrow_mut() = next;
        self.0.effects.borrow_mut().extend(effects);
        if handled {
            let rerender = self.0.rerender.borrow().clone();
            if let Some(rerender) = rerender {
                rerender.emit(());
            }
        }
        handled
    }

    /// The effects queued since the last call.
    pub fn take_effects(&self) -> Vec<Effect> {
        std::mem::take(&mut *self.0.effects.borrow_mut())
    }

    /// The current state.
    pub fn state(&self) -> Rc<ViewState> {
        self.0.state.borrow().clone()
    }

    /// A callback that sends what it is given.
    pub fn callback(&self) -> Callback<Intent> {
        let sender = self.clone();
        Callback::from(move |i: Intent| {
            sender.send(i);
        })
    }
}

/// The session of a component: created once by `init` (its first state and the effects of its
/// start), then changed only through the returned [`Sender`].
#[hook]
pub fn use_session(init: impl FnOnce() -> (ViewState, Vec<Effect>)) -> (Rc<ViewState>, Sender) {
    let sender = use_memo((), move |()| {
        let (state, effects) = init();
        Sender(Rc::new(Store {
            state: RefCell::new(Rc::new(state)),
            effects: RefCell::new(effects),
            rerender: RefCell::new(None),
        }))
    });
    let update = use_force_update();
    *sender.0.rerender.borrow_mut() = Some(Callback::from(move |()| update.force_update()));
    ((*sender).state(), (*sender).clone())
}

/// Where the host page's intents wait until the instance runs: `handle.select()`, `zoomTo()`,
/// `close()`, a deep link, the Back button. Equal when it is the same inbox.
#[derive(Clone, Default)]
pub struct Inbox(Rc<RefCell<(Vec<Intent>, Option<Sender>)>>);

impl PartialEq for Inbox {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Inbox {
    /// Sends `intent` to the running instance, or keeps it until one connects.
    pub fn send(&self, intent: Intent) {
        let sender = self.0.borrow().1.clone();
        match sender {
            Some(s) => {
                s.send(intent);
            }
            None => self.0.borrow_mut().0.push(intent),
        }
    }

    /// The instance's session is running: waiting intents go to it now.
    pub fn connect(&self, sender: Sender) {
        let waiting = {
            let mut inbox = self.0.borrow_mut();
            inbox.1 = Some(sender.clone());
            std::mem::take(&mut inbox.0)
        };
        for intent in waiting {
            sender.send(intent);
        }
    }

    /// The instance stopped: keep intents again until the next one connects.
    pub fn disconnect(&self) {
        self.0.borrow_mut().1 = None;
    }
}
