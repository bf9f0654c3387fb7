//! Builds the Traditional-to-Simplified character table of `src/text/script.rs` from OpenCC's
//! dictionaries (the `ferrous-opencc` crate, Apache-2.0): every Han char that OpenCC's `t2s`
//! turns into exactly one other char. Nothing of the table is kept in the repository.

use std::fmt::Write as _;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

/// The blocks of Han chars (and the compatibility ideographs) that are looked up.
const BLOCKS: &[(u32, u32)] = &[(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F)];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let t2s = OpenCC::from_config(BuiltinConfig::T2s).expect("OpenCC's t2s configuration is built in");
    let mut table = String::from("/// OpenCC t2s, one char for one char, sorted by the Traditional char.\n");
    table.push_str("pub(crate) static T2S: &[(char, char)] = &[\n");
    let mut buf = [0u8; 4];
    for &(from, to) in BLOCKS {
        for c in (from..=to).filter_map(char::from_u32) {
            let converted = t2s.convert(c.encode_utf8(&mut buf));
            let mut chars = converted.chars();
            if let (Some(s), None) = (chars.next(), chars.next()) {
                if s != c {
                    writeln!(table, "    ({c:?}, {s:?}),").expect("write to a string");
                }
            }
        }
    }
    table.push_str("];\n");
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("t2s.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}
