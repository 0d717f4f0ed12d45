//! AFL target: see `lessons_fuzz::harness::record`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        lessons_fuzz::harness::record(data);
    });
}
