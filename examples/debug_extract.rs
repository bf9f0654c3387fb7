fn main() {
    let ex = guanxi::Extractor::new(guanxi::Lexicon::embedded().unwrap());
    let text = std::env::args().nth(1).unwrap();
    let r = ex.extract("x", &text);
    println!("{}", serde_json::to_string_pretty(&r).unwrap());
}
