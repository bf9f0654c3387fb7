//! Pictures that survive: the SVG Graphviz draws from `graph.dot` names a font that fontconfig
//! finds, common converters (rsvg-convert, ImageMagick) draw its Chinese labels, `export
//! --format png` is a real picture, and the corpus drawing has sane proportions and a legend.
//! Each part is skipped, with a message, when the program it needs is not installed.

mod common;

use std::path::Path;
use std::process::Command;

use common::{fixture_graph, guanxi, shared};
use guanxi::export::dot;
use guanxi::graph::RelationGraph;
use guanxi::Extraction;

fn installed(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

/// A graph of one person, to draw a label alone.
fn one_person(name: &str) -> RelationGraph {
    let record: Extraction =
        serde_json::from_value(serde_json::json!({"source": "a.txt", "persons": [{"name": name}]})).unwrap();
    let mut graph = RelationGraph::new();
    graph.add_extraction(&record);
    graph
}

fn svg_of(graph: &RelationGraph) -> Option<String> {
    let mut text = Vec::new();
    dot::write(graph, &mut text).unwrap();
    dot::render_svg(&String::from_utf8(text).unwrap()).unwrap().map(|b| String::from_utf8(b).unwrap())
}

/// The values of an attribute in an SVG text.
fn attribute_values<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    svg.match_indices(&key)
        .map(|(i, _)| &svg[i + key.len()..i + key.len() + svg[i + key.len()..].find('"').unwrap()])
        .collect()
}

#[test]
fn the_svg_names_one_font_that_fontconfig_finds() {
    let Some(svg) = svg_of(&one_person("张明")) else {
        eprintln!("font test skipped: Graphviz dot not installed");
        return;
    };
    let mut families = attribute_values(&svg, "font-family");
    families.sort();
    families.dedup();
    assert_eq!(families, [dot::FONT], "one family name, no list a converter cannot read");
    let listed = Command::new("fc-list").arg(":").arg("family").output();
    let Ok(listed) = listed else {
        eprintln!("fontconfig check skipped: fc-list not installed");
        return;
    };
    if !String::from_utf8_lossy(&listed.stdout).contains(dot::FONT) {
        eprintln!("fontconfig check skipped: {} not installed (apt-get install fonts-noto-cjk)", dot::FONT);
        return;
    }
    let matched = Command::new("fc-match").args(["-f", "%{family}", dot::FONT]).output().unwrap();
    assert!(String::from_utf8_lossy(&matched.stdout).contains(dot::FONT), "fc-match finds {}", dot::FONT);
}

/// Draws `svg` with a converter, to PNG bytes.
fn convert(program: &str, svg: &str, dir: &Path, name: &str) -> Vec<u8> {
    let input = dir.join(format!("{name}.svg"));
    let output = dir.join(format!("{name}.png"));
    std::fs::write(&input, svg).unwrap();
    let status = match program {
        "rsvg-convert" => Command::new(program).arg(&input).arg("-o").arg(&output).status(),
        _ => Command::new(program).arg(&input).arg(&output).status(),
    };
    assert!(status.unwrap().success(), "{program} converts the SVG");
    std::fs::read(&output).unwrap()
}

#[test]
fn converters_draw_the_chinese_labels() {
    let (Some(a), Some(b)) = (svg_of(&one_person("张明")), svg_of(&one_person("李华"))) else {
        eprintln!("converter test skipped: Graphviz dot not installed");
        return;
    };
    assert!(a.contains(">张明</text>"), "the label is text in the SVG");
    let blank = a.replace(">张明</text>", "></text>");
    let dir = tempfile::tempdir().unwrap();
    let mut tried = 0;
    for program in ["rsvg-convert", "convert"] {
        if !installed(program) {
            eprintln!("{program} not installed; not tried");
            continue;
        }
        tried += 1;
        let (pa, pb, pblank) = (
            convert(program, &a, dir.path(), "a"),
            convert(program, &b, dir.path(), "b"),
            convert(program, &blank, dir.path(), "blank"),
        );
        // The label draws something, and two names draw different things (not the same
        // boxes for missing glyphs).
        assert_ne!(pa, pblank, "{program} draws the label 张明");
        assert_ne!(pa, pb, "{program} draws 张明 and 李华 differently");
    }
    if tried == 0 {
        eprintln!("converter test skipped: neither rsvg-convert nor ImageMagick installed");
    }
}

#[test]
fn png_export_is_a_picture() {
    if !installed("dot") {
        let (_dir, g) = fixture_graph();
        let out = guanxi(&["export", g.to_str().unwrap(), "--format", "png"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("graphviz"), "names what to install");
        return;
    }
    let (dir, g) = fixture_graph();
    let file = dir.path().join("g.png");
    let out = guanxi(&["export", g.to_str().unwrap(), "--format", "png", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read(&file).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000, "a PNG ({} bytes)", png.len());
}

#[test]
fn the_corpus_drawing_has_sane_proportions_and_a_legend() {
    let Some(corpus) = shared("corpus/reports") else {
        eprintln!("corpus drawing test skipped: ../shared/corpus/reports not found");
        return;
    };
    if !installed("dot") {
        eprintln!("corpus drawing test skipped: Graphviz dot not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g");
    guanxi(&["build", corpus.to_str().unwrap(), "--out", g.to_str().unwrap(), "--no-html"]);
    let svg = std::fs::read_to_string(g.join("graph.svg")).expect("graph.svg drawn");
    let head = &svg[svg.find("<svg").unwrap()..];
    let size = |name: &str| -> f64 { attribute_values(head, name)[0].trim_end_matches("pt").parse().unwrap() };
    let (w, h) = (size("width"), size("height"));
    eprintln!("corpus graph.svg: {w} x {h} pt");
    assert!(w / h < 3.0 && h / w < 3.0, "proportions of a page, not a strip: {w} x {h}");
    assert!(svg.contains("图例 legend") && svg.contains("attended 出席"), "a legend");
}
