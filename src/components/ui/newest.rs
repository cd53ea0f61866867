//! Links are made asynchronously (compressed in the browser), so one made for an earlier
//! state can finish after one made for a later state. `Newest` lets only the latest
//! result through, so a page never shows a link for choices the user has since changed.

use std::future::Future;

use leptos::prelude::*;

/// Counts the tasks started for one value on a page; only the newest may deliver.
#[derive(Clone, Copy)]
pub struct Newest(StoredValue<u32>);

impl Newest {
    pub fn new() -> Self {
        Self(StoredValue::new(0))
    }

    /// Runs `work`, and hands its result to `deliver` unless another task started since.
    pub fn spawn<T: 'static>(
        self,
        work: impl Future<Output = T> + 'static,
        deliver: impl FnOnce(T) + 'static,
    ) {
        let this = self.0.get_value().wrapping_add(1);
        self.0.set_value(this);
        leptos::task::spawn_local(async move {
            let result = work.await;
            if self.0.try_get_value() == Some(this) {
                deliver(result);
            }
        });
    }

    /// Stops any task still running from delivering.
    pub fn cancel(self) {
        self.0.update_value(|n| *n = n.wrapping_add(1));
    }
}

impl Default for Newest {
    fn default() -> Self {
        Self::new()
    }
}
