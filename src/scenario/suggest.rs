//! "Did you mean …?" for misspelt field names, enum values and ids.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = strsim::levenshtein(&lower, &candidate.to_lowercase());
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let (distance, candidate) = best?;
    let allowed = (word.chars().count() / 3).max(2);
    (distance <= allowed).then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_close_field_name() {
        assert_eq!(nearest("titel", ["title", "themes", "steps"]), Some("title"));
    }

    #[test]
    fn counts_characters_not_bytes() {
        // two edits in a six-letter word are allowed; `é` is one character, not two bytes
        assert_eq!(nearest("résumé", ["resume", "title"]), Some("resume"));
    }

    #[test]
    fn does_not_suggest_an_unrelated_name() {
        assert_eq!(nearest("colour", ["title", "themes", "steps"]), None);
    }
}
