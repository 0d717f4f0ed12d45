//! Name-based UUIDs (RFC 9562 version 5, SHA-1): the same record and event always give the
//! same statement id, so a statement sent twice is kept once by the LRS.

use sha1::{Digest, Sha1};

/// The namespace every lessons id is derived in: itself a v5 UUID of "lessons.xapi" in the
/// RFC's URL namespace, fixed here so ids never change between versions.
const NAMESPACE: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

/// A version 5 UUID of `parts`, each length-prefixed so ("ab", "c") and ("a", "bc") differ.
pub fn name_uuid(parts: &[&str]) -> String {
    let mut hasher = Sha1::new();
    hasher.update(NAMESPACE);
    for part in parts {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part.as_bytes());
    }
    let digest = hasher.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    format_uuid(&bytes)
}

/// A hex digest of `parts` (for pseudonyms): 32 lowercase hex digits.
pub fn hex_digest(parts: &[&str]) -> String {
    name_uuid(parts).replace('-', "")
}

fn format_uuid(b: &[u8; 16]) -> String {
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_versioned_and_distinct() {
        let a = name_uuid(&["run-1", "initialized"]);
        assert_eq!(a, name_uuid(&["run-1", "initialized"]));
        assert_ne!(a, name_uuid(&["run-1", "terminated"]));
        assert_ne!(name_uuid(&["ab", "c"]), name_uuid(&["a", "bc"]));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "5");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
