use std::collections::BTreeSet;
use guanxi::extract::{hits::Hits, names::NameFinder};
fn main() {
    let lex = guanxi::Lexicon::embedded().unwrap();
    let text = std::env::args().nth(1).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let hits = Hits::scan(&lex, &chars);
    let f = NameFinder::new(&lex, &chars, &hits);
    for i in 0..chars.len() {
        for h in hits.starting_at(i) { println!("hit {}..{} {:?} {}", h.start, h.end, h.surface, chars[h.start..h.end].iter().collect::<String>()); }
    }
    for i in 0..chars.len() {
        if let Some(e) = f.name_at(i, chars.len(), &BTreeSet::new()) { println!("name {}: {}", i, chars[i..e].iter().collect::<String>()); }
    }
}
