//! The stages of extraction on a long report: decoding, HTML to text, document preparation,
//! dictionary scan, the whole extractor, and jieba's `cut` as the yardstick.
//!
//! The long report is the fictional fixture repeated (about 100 KB); set
//! `GUANXI_BENCH_REPORT=path` to bench another file instead.
//!
//! ```text
//! cargo bench --bench stages
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use guanxi::text::{decode, find_article, html_to_text, Document};
use guanxi::{Extractor, Lexicon};

fn long_report() -> String {
    if let Ok(p) = std::env::var("GUANXI_BENCH_REPORT") {
        let bytes = std::fs::read(&p).expect("GUANXI_BENCH_REPORT is readable");
        return decode(&bytes).expect("GUANXI_BENCH_REPORT is text").text;
    }
    let fixture = include_str!("../tests/fixtures/qingchuan-report.txt");
    let mut lines = fixture.lines();
    let head: Vec<&str> = lines.by_ref().take(3).collect();
    let body: Vec<&str> = lines.collect();
    let mut out = head.join("\n");
    while out.len() < 100_000 {
        out.push('\n');
        out.push_str(&body.join("\n"));
    }
    out
}

fn as_html(text: &str) -> String {
    let mut lines = text.lines();
    let title = lines.next().unwrap_or("");
    let paragraphs: String = lines.map(|l| format!("<p>{l}</p>\n")).collect();
    format!(
        "<html><head><title>{title}</title><script>var a = 1;</script></head><body><nav><a>首页</a></nav>\
         <div id=\"zoom\">{paragraphs}</div><footer>版权所有</footer></body></html>"
    )
}

fn stages(c: &mut Criterion) {
    let text = long_report();
    let gb = encoding_rs::GB18030.encode(&text).0.into_owned();
    let html = as_html(&text);
    let extractor = Extractor::new(Lexicon::embedded().expect("embedded dictionaries"));
    let jieba = jieba_rs::Jieba::new();
    let doc = Document::new(&text);

    let mut g = c.benchmark_group("stages");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("decode_utf8", |b| b.iter(|| decode(black_box(text.as_bytes())).unwrap()));
    g.bench_function("decode_gb18030", |b| b.iter(|| decode(black_box(&gb)).unwrap()));
    g.bench_function("html_to_text", |b| b.iter(|| html_to_text(black_box(&html))));
    g.bench_function("document_new", |b| b.iter(|| Document::new(black_box(&text))));
    g.bench_function("find_article", |b| b.iter(|| find_article(black_box(&doc.chars))));
    g.bench_function("lexicon_hits", |b| {
        b.iter(|| guanxi::extract::hits::Hits::scan(extractor.lexicon(), black_box(&doc.chars)))
    });
    g.bench_function("prepare_and_extract", |b| {
        b.iter(|| {
            let p = guanxi::input::prepare(Path::new("r.txt"), black_box(text.as_bytes())).unwrap();
            extractor.extract("r.txt", &p.text)
        })
    });
    g.bench_function("extract", |b| b.iter(|| extractor.extract("r.txt", black_box(&text))));
    g.bench_function("jieba_cut_hmm", |b| b.iter(|| jieba.cut(black_box(&text), true).len()));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
