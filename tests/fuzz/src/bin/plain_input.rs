//! AFL target: see `lessons_fuzz::harness::plain_input`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        lessons_fuzz::harness::plain_input(data);
    });
}
