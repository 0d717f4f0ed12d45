//! Counts in words: "1 decision", "2 decisions", never "decision(s)".

/// `n` and the noun that agrees with it.
pub fn count<N: std::fmt::Display + PartialEq + From<u8>>(n: N, one: &str, many: &str) -> String {
    if n == N::from(1) {
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
        assert_eq!(count(0u32, "decision", "decisions"), "0 decisions");
        assert_eq!(count(1u8, "decision", "decisions"), "1 decision");
        assert_eq!(count(2u64, "run", "runs"), "2 runs");
    }
}
