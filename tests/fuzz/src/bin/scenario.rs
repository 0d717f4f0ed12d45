//! AFL target: see `lessons_fuzz::harness::scenario`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        lessons_fuzz::harness::scenario(data);
    });
}
