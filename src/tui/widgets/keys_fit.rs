//! A key bar that fits its line: at narrow widths the least important keys are left out
//! whole, so no key is ever cut mid-word ("q qui").

use crate::wrap::width;

/// A key, what it does, and how soon to leave it out (higher goes first; 0 never goes).
pub type RankedKey<'a> = (&'a str, &'a str, u8);

/// The keys that fit in `columns`, in their given order, leaving out the highest-ranked
/// first. Keys ranked 0 are always kept.
pub fn fit_keys<'a>(keys: &[RankedKey<'a>], columns: u16) -> Vec<(&'a str, &'a str)> {
    let mut kept: Vec<RankedKey<'a>> = keys.to_vec();
    // as `key_bar` draws them: "key what", two spaces between
    let used = |keys: &[RankedKey]| -> usize {
        let cells: usize = keys.iter().map(|(k, w, _)| width(k) + 1 + width(w)).sum();
        cells + 2 * keys.len().saturating_sub(1)
    };
    while used(&kept) > usize::from(columns) {
        let Some(drop) = kept
            .iter()
            .enumerate()
            .filter(|(_, (_, _, rank))| *rank > 0)
            .max_by_key(|(i, (_, _, rank))| (*rank, *i))
            .map(|(i, _)| i)
        else {
            break;
        };
        kept.remove(drop);
    }
    kept.into_iter().map(|(k, w, _)| (k, w)).collect()
}

#[cfg(test)]
mod tests {
    use super::fit_keys;

    #[test]
    fn leaves_out_the_least_important_keys_whole() {
        let keys = [
            ("↑↓", "move", 3),
            ("d", "drill", 1),
            ("Tab", "history", 2),
            ("q", "quit", 0),
        ];
        assert_eq!(fit_keys(&keys, 80).len(), 4);
        assert_eq!(
            fit_keys(&keys, 30),
            vec![("d", "drill"), ("Tab", "history"), ("q", "quit")]
        );
        assert_eq!(fit_keys(&keys, 3), vec![("q", "quit")]);
    }
}
