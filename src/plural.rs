//! Counts in words: "1 decision", "2 decisions", never "decision(s)".

/// `n` and the noun that agrees with it.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(0, "decision", "decisions"), "0 decisions");
        assert_eq!(count(1, "decision", "decisions"), "1 decision");
        assert_eq!(count(2, "run", "runs"), "2 runs");
    }
}
