fn main() {
    let j = jieba_rs::Jieba::new();
    for w in std::env::args().skip(1) {
        let t = j.tag(&w, false);
        println!("{w}: {:?}", t.iter().map(|t| (t.word, t.tag)).collect::<Vec<_>>());
    }
}
