//! Sorting, done by one small function for the whole app.
//!
//! The standard library's sort is compiled again for every type and comparison it is
//! used with, and each copy is large; Waypoint sorts in a dozen places, which cost more
//! of the download than any page. Here only item positions are sorted, by one stable
//! merge sort that is compiled once; the items are then put in that order.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives, equal items keeping their order.
pub fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut buffer = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right, mut out) = (start, middle, start);
            while left < middle && right < end {
                if compare(order[right], order[left]) == Ordering::Less {
                    buffer[out] = order[right];
                    right += 1;
                } else {
                    buffer[out] = order[left];
                    left += 1;
                }
                out += 1;
            }
            buffer[out..out + middle - left].copy_from_slice(&order[left..middle]);
            out += middle - left;
            buffer[out..out + end - right].copy_from_slice(&order[right..end]);
            start = end;
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    order
}

/// Sorts a list by `compare`, keeping equal items in their order (like `sort_by`).
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts a list by a key (like `sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_items_in_order() {
        let mut seed: u64 = 7;
        for len in 0..200 {
            let mut items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|x| x.0);
            sort_by_key(&mut items, |x| x.0);
            assert_eq!(items, expected);
        }
    }
}
