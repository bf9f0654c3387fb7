use guanxi::extract::{attendance::*, hits::Hits};
fn main() {
    let lex = guanxi::Lexicon::embedded().unwrap();
    let ex = guanxi::Extractor::new(guanxi::Lexicon::embedded().unwrap());
    let path = std::env::args().nth(1).unwrap();
    let want = std::env::args().nth(2).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let rec = ex.extract(&path, &text);
    let doc = guanxi::text::Document::new(&text);
    let hits = Hits::scan(&lex, &doc.chars);
    let names: Vec<NameSpan> = rec.persons.iter().flat_map(|p| p.mentions.iter().map(move |m| NameSpan { name: p.name.clone(), start: m.start, end: m.end })).collect();
    for p in &rec.persons { if p.name == want { for m in &p.mentions {
        let s = (0..m.start).rev().find(|&i| guanxi::text::is_sentence_end(doc.chars[i])).map(|i| i + 1).unwrap_or(0);
        let e = (m.end..doc.chars.len()).find(|&i| guanxi::text::is_sentence_end(doc.chars[i])).map(|i| i + 1).unwrap_or(doc.chars.len());
        let mut part = Participation::default();
        let mut last = vec![];
        sentence_participation(&lex, &hits, &doc.chars, (s, e), &names, &mut last, &mut part);
        println!("{}\n  => {:?}", doc.slice(s, e), part.acts.get(&want).map(|v| v.iter().map(|x| x.0).collect::<Vec<_>>()));
    }}}
}
