//! The RON options every scenario is read with, in one place so the parser and build.rs
//! (which includes this file by `#[path]`) cannot read the same file two ways.

use ron::extensions::Extensions;

/// `Some(..)` may be left out, and newtype steps are written `Decision(id: ..)` rather
/// than `Decision((id: ..))`.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}
