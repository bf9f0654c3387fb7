//! Parallel map whose results come out in input order, with bounded memory.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// How many inputs per thread may be taken ahead of the oldest result not yet delivered.
const WINDOW_PER_THREAD: usize = 8;

/// Applies `f` to every item on `threads` worker threads (a rayon pool) and hands the results
/// to `sink` on the calling thread, in the order of `items`, whatever the thread count.
///
/// At most `threads * 8` items are in flight or waiting to be delivered, so memory does not
/// grow with the number of items. With `threads <= 1` everything runs on the calling thread.
/// `items` is pulled lazily under a lock, so it may be a directory walk.
///
/// ```
/// let mut out = Vec::new();
/// guanxi::input::map_in_order(1..=100, 2, |n| n * n, |sq| out.push(sq));
/// assert_eq!(out, (1..=100).map(|n| n * n).collect::<Vec<_>>());
/// ```
pub fn map_in_order<I, T, R, F, S>(items: I, threads: usize, f: F, mut sink: S)
where
    I: Iterator<Item = T> + Send,
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
    S: FnMut(R),
{
    if threads <= 1 {
        for item in items {
            sink(f(item));
        }
        return;
    }
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(_) => {
            // No threads to be had: do the work here.
            for item in items {
                sink(f(item));
            }
            return;
        }
    };
    let window = threads * WINDOW_PER_THREAD;
    let state = Mutex::new(State { items: items.enumerate(), taken: 0, delivered: 0, done: false });
    let room = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    pool.in_place_scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (state, room, f) = (&state, &room, &f);
            scope.spawn(move |_| loop {
                let next = {
                    let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
                    while !s.done && s.taken >= s.delivered + window {
                        s = room.wait(s).unwrap_or_else(|p| p.into_inner());
                    }
                    if s.done {
                        None
                    } else {
                        match s.items.next() {
                            Some(it) => {
                                s.taken += 1;
                                Some(it)
                            }
                            None => {
                                s.done = true;
                                room.notify_all();
                                None
                            }
                        }
                    }
                };
                let Some((i, item)) = next else { break };
                let r = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(item))) {
                    Ok(r) => r,
                    Err(panic) => {
                        stop(state, room);
                        std::panic::resume_unwind(panic);
                    }
                };
                if tx.send((i, r)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Should `sink` panic, the workers must not wait for room forever.
        let _stop = StopOnDrop(&state, &room);
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        for (i, r) in rx {
            waiting.insert(i, r);
            while let Some(r) = waiting.remove(&next) {
                sink(r);
                next += 1;
                state.lock().unwrap_or_else(|p| p.into_inner()).delivered = next;
                room.notify_all();
            }
        }
    });
}

fn stop<I>(state: &Mutex<State<I>>, room: &Condvar) {
    state.lock().unwrap_or_else(|p| p.into_inner()).done = true;
    room.notify_all();
}

struct StopOnDrop<'a, I>(&'a Mutex<State<I>>, &'a Condvar);

impl<I> Drop for StopOnDrop<'_, I> {
    fn drop(&mut self) {
        stop(self.0, self.1);
    }
}

struct State<I> {
    items: std::iter::Enumerate<I>,
    taken: usize,
    delivered: usize,
    done: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_kept_whatever_the_threads() {
        for threads in [1, 2, 3, 8] {
            let mut out = Vec::new();
            // Uneven work so that later items often finish first.
            map_in_order(
                0..500u64,
                threads,
                |n| {
                    let spin = (n * 7919) % 97 * 200;
                    let mut x = n;
                    for k in 0..spin {
                        x = x.wrapping_mul(31).wrapping_add(k);
                    }
                    std::hint::black_box(x);
                    n
                },
                |n| out.push(n),
            );
            assert_eq!(out, (0..500).collect::<Vec<_>>(), "threads {threads}");
        }
    }

    #[test]
    fn a_panicking_item_does_not_hang() {
        let r = std::panic::catch_unwind(|| {
            map_in_order(0..1000, 2, |n| if n == 3 { panic!("boom") } else { n }, |_| {});
        });
        assert!(r.is_err());
    }

    #[test]
    fn memory_is_bounded_by_the_window() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let taken = AtomicUsize::new(0);
        let mut max_ahead = 0;
        let mut delivered = 0;
        let items = (0..2000).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        });
        map_in_order(
            items,
            2,
            |n| n,
            |_| {
                delivered += 1;
                max_ahead = max_ahead.max(taken.load(Ordering::SeqCst) - delivered);
            },
        );
        assert!(max_ahead <= 2 * WINDOW_PER_THREAD, "{max_ahead}");
    }
}
