//! One sort for the whole crate. Each `sort_by_key` call compiles its own copy of the standard
//! library's sort (1.5 to 3 KB of wasm each); every ordering here goes through [`order`] instead, which
//! sorts one key type with one instantiation. Ties keep their input order.

/// A sort key: compared element by element.
pub type Key = [i64; 3];

/// The indices of `keys` in the order of their keys; equal keys keep their input order.
pub fn order(keys: Vec<Key>) -> Vec<usize> {
    let mut keyed: Vec<(Key, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
    sort(&mut keyed);
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The only sort instantiated for these keys (the index makes the unstable sort stable).
#[inline(never)]
fn sort(keyed: &mut [(Key, usize)]) {
    keyed.sort_unstable();
}

/// `items` sorted by `key`, ties in their input order.
pub fn sorted_by<T>(items: Vec<T>, key: impl Fn(&T) -> Key) -> Vec<T> {
    let perm = order(items.iter().map(key).collect());
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    perm.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)).collect()
}

/// A float as a key component, in the order of `f64::total_cmp`.
pub fn float_key(x: f64) -> i64 {
    let bits = i64::from_ne_bytes(x.to_bits().to_ne_bytes());
    // Negative floats count down as their bits count up: flip all but the sign bit.
    if bits < 0 {
        bits ^ i64::MAX
    } else {
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_key_and_keeps_ties_in_input_order() {
        let items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let out = sorted_by(items, |&(k, _)| [k, 0, 0]);
        assert_eq!(out, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        assert_eq!(order(vec![[0, 2, 0], [0, 1, 5], [-1, 9, 9]]), vec![2, 1, 0]);
        assert!(order(Vec::new()).is_empty());
    }

    #[test]
    fn float_keys_follow_total_cmp() {
        let xs = [3.5, -0.0, 0.0, -2.0, f64::INFINITY, f64::NEG_INFINITY, 1e-300, -1e300, 2.0];
        let mut by_cmp = xs.to_vec();
        by_cmp.sort_by(f64::total_cmp);
        let by_key = sorted_by(xs.to_vec(), |&x| [float_key(x), 0, 0]);
        assert_eq!(
            by_cmp.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            by_key.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }
}
