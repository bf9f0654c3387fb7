// guanxi viewer: pan and zoom, search, filters by kind and by meeting or date, and a panel
// with posts, relations and evidence sentences. Written for guanxi. It reads the page data
// from #guanxi-data and writes text only through textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("guanxi-data").textContent);
  var svg = document.getElementById("graph");
  var panel = document.getElementById("panel");
  var input = document.getElementById("search");
  var results = document.getElementById("results");
  var meetingSelect = document.getElementById("meeting");
  var fromInput = document.getElementById("from");
  var toInput = document.getElementById("to");
  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll("#kinds input"));
  var nodeEls = data.nodes.map(function (_, i) { return document.getElementById("n" + i); });
  var arrowEls = data.arrows.map(function (_, j) { return document.getElementById("a" + j); });
  var KIND = { person: "person", organization: "body", meeting: "meeting" };
  var EDGE = {
    holds_post: "holds post", attended: "attended", presided: "presided 主持",
    spoke: "spoke 讲话", organized: "organized 主办"
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function nameOf(i) {
    var n = data.nodes[i];
    return n.date ? n.label + " (" + n.date + ")" : n.label;
  }
  function centre(i) {
    var m = nodeEls[i].transform.baseVal.consolidate();
    return m ? { x: m.matrix.e, y: m.matrix.f } : { x: 0, y: 0 };
  }

  // Pan and zoom: the viewBox moves; the drawing is never redrawn.
  var b = svg.viewBox.baseVal;
  var home = { x: b.x, y: b.y, w: b.width, h: b.height };
  var view = { x: home.x, y: home.y, w: home.w, h: home.h };
  function setView() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }
  function toDrawing(cx, cy) {
    var p = svg.createSVGPoint();
    p.x = cx; p.y = cy;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoom(factor, cx, cy) {
    var p = cx === undefined ? { x: view.x + view.w / 2, y: view.y + view.h / 2 } : toDrawing(cx, cy);
    var w = Math.min(Math.max(view.w * factor, 40), home.w * 8);
    factor = w / view.w;
    view.x = p.x - (p.x - view.x) * factor;
    view.y = p.y - (p.y - view.y) * factor;
    view.w *= factor;
    view.h *= factor;
    setView();
  }
  function fit() {
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
    setView();
  }
  function centreOn(i) {
    var c = centre(i);
    var w = Math.min(home.w, Math.max(600, view.w / 2));
    var h = w * view.h / view.w;
    view = { x: c.x - w / 2, y: c.y - h / 2, w: w, h: h };
    setView();
  }
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    zoom(Math.pow(1.0015, e.deltaY), e.clientX, e.clientY);
  }, { passive: false });
  var drag = null;
  svg.addEventListener("pointerdown", function (e) {
    if (e.button === 0) drag = { x: e.clientX, y: e.clientY, moved: false };
  });
  window.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var ctm = svg.getScreenCTM();
    if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 2) drag.moved = true;
    view.x -= (e.clientX - drag.x) / ctm.a;
    view.y -= (e.clientY - drag.y) / ctm.d;
    drag.x = e.clientX; drag.y = e.clientY;
    setView();
  });
  window.addEventListener("pointerup", function () {
    window.setTimeout(function () { drag = null; }, 0);
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(0.7); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1 / 0.7); });
  document.getElementById("fit").addEventListener("click", fit);

  // The panel.
  function nodeLink(i) {
    var a = el("button", "link " + data.nodes[i].kind, nameOf(i));
    a.type = "button";
    a.addEventListener("click", function () { selectNode(i, true); });
    return a;
  }
  function quote(q) {
    var block = el("blockquote");
    var chars = Array.from(q.text);
    var marks = q.marks.slice().sort(function (x, y) { return x[0] - y[0]; });
    var at = 0;
    marks.forEach(function (m) {
      var start = Math.max(m[0], at);
      if (start > at) block.appendChild(document.createTextNode(chars.slice(at, start).join("")));
      if (m[1] > start) block.appendChild(el("mark", null, chars.slice(start, m[1]).join("")));
      at = Math.max(at, m[1]);
    });
    if (at < chars.length) block.appendChild(document.createTextNode(chars.slice(at).join("")));
    return block;
  }
  function docName(d) {
    var doc = data.documents[d];
    return doc.title ? doc.title + " — " + doc.path : doc.path;
  }
  function evidence(edge) {
    var box = el("div", "evidence");
    edge.evidence.forEach(function (ev) {
      var src = el("p", "source", docName(ev.doc) + (ev.date ? " · " + ev.date : ""));
      box.appendChild(src);
      if (ev.sentences.length === 0) box.appendChild(el("p", "none", "(no sentence kept for this report)"));
      ev.sentences.forEach(function (q) { box.appendChild(quote(q)); });
    });
    if (edge.more) box.appendChild(el("p", "none", "… and " + edge.more + " more reports"));
    return box;
  }
  function edgeItem(edge) {
    var li = el("li", "edge");
    var head = el("p", "kind", EDGE[edge.kind] + (edge.title ? " " + edge.title : ""));
    if (edge.dates.length) head.appendChild(el("span", "dates", " " + edge.dates.join(", ")));
    li.appendChild(head);
    li.appendChild(evidence(edge));
    return li;
  }
  function fact(list, key, value) {
    if (!value || (Array.isArray(value) && value.length === 0)) return;
    list.appendChild(el("dt", null, key));
    list.appendChild(el("dd", null, Array.isArray(value) ? value.join("、") : value));
  }
  function showNode(i) {
    var n = data.nodes[i];
    panel.textContent = "";
    var h = el("h2", n.kind, n.label);
    panel.appendChild(h);
    var facts = el("dl");
    fact(facts, "kind", KIND[n.kind]);
    fact(facts, "date", n.date);
    fact(facts, "id", n.id);
    fact(facts, "also called", n.aliases);
    fact(facts, "category", n.category);
    fact(facts, "part of", n.parent);
    fact(facts, "regions", n.regions);
    panel.appendChild(facts);
    if (n.posts && n.posts.length) {
      panel.appendChild(el("h3", null, "Posts 职务"));
      var posts = el("ul", "posts");
      n.posts.forEach(function (p) { posts.appendChild(el("li", null, (p.organization || "") + p.title)); });
      panel.appendChild(posts);
    }
    panel.appendChild(el("h3", null, "Relations and evidence"));
    var rel = el("ul", "relations");
    n.arrows.forEach(function (j) {
      var a = data.arrows[j];
      var other = a.source === i ? a.target : a.source;
      var li = el("li", "arrow " + a.family);
      var p = el("p", "ends", a.source === i ? "→ " : "← ");
      p.appendChild(nodeLink(other));
      if (a.label) p.appendChild(el("span", "label", " " + a.label));
      li.appendChild(p);
      var edges = el("ul");
      a.edges.forEach(function (e) { edges.appendChild(edgeItem(e)); });
      li.appendChild(edges);
      rel.appendChild(li);
    });
    panel.appendChild(rel);
    panel.appendChild(el("h3", null, "Named in"));
    var docs = el("ul", "docs");
    n.documents.forEach(function (d) { docs.appendChild(el("li", null, docName(d))); });
    if (n.more_documents) docs.appendChild(el("li", "none", "… and " + n.more_documents + " more reports"));
    panel.appendChild(docs);
  }
  function showArrow(j) {
    var a = data.arrows[j];
    panel.textContent = "";
    var h = el("h2", a.family);
    h.appendChild(nodeLink(a.source));
    h.appendChild(el("span", null, " → "));
    h.appendChild(nodeLink(a.target));
    panel.appendChild(h);
    var edges = el("ul", "relations");
    a.edges.forEach(function (e) { edges.appendChild(edgeItem(e)); });
    panel.appendChild(edges);
  }

  // Selection.
  function clearSelection() {
    svg.classList.remove("focus");
    Array.prototype.forEach.call(svg.querySelectorAll(".selected, .near"), function (e) {
      e.classList.remove("selected", "near");
    });
  }
  function selectNode(i, move) {
    clearSelection();
    svg.classList.add("focus");
    nodeEls[i].classList.add("selected");
    data.nodes[i].arrows.forEach(function (j) {
      arrowEls[j].classList.add("near");
      nodeEls[data.arrows[j].source].classList.add("near");
      nodeEls[data.arrows[j].target].classList.add("near");
    });
    showNode(i);
    if (move) centreOn(i);
    document.body.setAttribute("data-selected", data.nodes[i].id);
  }
  function selectArrow(j) {
    clearSelection();
    svg.classList.add("focus");
    arrowEls[j].classList.add("selected");
    nodeEls[data.arrows[j].source].classList.add("near");
    nodeEls[data.arrows[j].target].classList.add("near");
    showArrow(j);
  }
  svg.addEventListener("click", function (e) {
    if (drag && drag.moved) return;
    var node = e.target.closest(".node");
    var arrow = e.target.closest(".arrow");
    if (node) selectNode(Number(node.id.slice(1)), false);
    else if (arrow) selectArrow(Number(arrow.id.slice(1)));
    else clearSelection();
  });

  // Search: names and aliases containing the text; exact names first, then persons.
  var ORDER = { person: 0, organization: 1, meeting: 2 };
  function search(text) {
    var q = text.trim().toLowerCase();
    nodeEls.forEach(function (e) { e.classList.remove("match"); });
    results.textContent = "";
    var hits = [];
    if (q) {
      data.nodes.forEach(function (n, i) {
        var names = [n.label].concat(n.aliases || []);
        if (n.id.toLowerCase() === q || names.some(function (s) { return s.toLowerCase().indexOf(q) >= 0; })) hits.push(i);
      });
    }
    hits.sort(function (x, y) {
      var ex = data.nodes[x].label.toLowerCase() === q ? 0 : 1;
      var ey = data.nodes[y].label.toLowerCase() === q ? 0 : 1;
      return ex - ey || ORDER[data.nodes[x].kind] - ORDER[data.nodes[y].kind] || x - y;
    });
    hits.forEach(function (i) { nodeEls[i].classList.add("match"); });
    hits.slice(0, 30).forEach(function (i) {
      var li = el("li", data.nodes[i].kind);
      var n = data.nodes[i], button = nodeLink(i);
      // Namesakes look alike: add their regions, or the id's number.
      var more = n.regions && n.regions.length ? " · " + n.regions.join("、") : n.id.indexOf("#") >= 0 ? " · " + n.id.slice(n.id.indexOf("#")) : "";
      button.appendChild(el("small", null, " " + KIND[n.kind] + more));
      li.appendChild(button);
      results.appendChild(li);
    });
    if (q && hits.length === 0) results.appendChild(el("li", "none", "no match"));
    results.hidden = !q;
    document.body.setAttribute("data-search-hits", String(hits.length));
    return hits;
  }
  input.addEventListener("input", function () { search(input.value); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      var hits = search(input.value);
      if (hits.length) selectNode(hits[0], true);
      results.hidden = true;
    } else if (e.key === "Escape") {
      input.value = "";
      search("");
    }
  });
  results.addEventListener("click", function () { results.hidden = true; });

  // Filters: kinds; one meeting with its people, their bodies and organisers; a date range.
  function low(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d; }
  function high(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d; }
  function within(d, from, to) { return (!from || high(d) >= from) && (!to || low(d) <= to); }
  data.nodes
    .map(function (_, i) { return i; })
    .filter(function (i) { return data.nodes[i].kind === "meeting"; })
    .sort(function (x, y) {
      var dx = data.nodes[x].date || "", dy = data.nodes[y].date || "";
      return dx < dy ? -1 : dx > dy ? 1 : x - y;
    })
    .forEach(function (i) {
      var o = el("option", null, nameOf(i));
      o.value = String(i);
      meetingSelect.appendChild(o);
    });
  function applyFilters() {
    var kinds = {};
    kindBoxes.forEach(function (box) { kinds[box.value] = box.checked; });
    var from = fromInput.value, to = toInput.value, m = meetingSelect.value;
    var dated = Boolean(from || to), focus = m !== "";
    var keep = data.nodes.map(function (n) { return kinds[n.kind]; });
    if (focus) {
      var chosen = Number(m), set = {};
      set[chosen] = true;
      data.nodes[chosen].arrows.forEach(function (j) { set[data.arrows[j].source] = set[data.arrows[j].target] = true; });
      Object.keys(set).forEach(function (k) {
        if (data.nodes[k].kind !== "person") return;
        data.nodes[k].arrows.forEach(function (j) { if (data.arrows[j].family === "post") set[data.arrows[j].target] = true; });
      });
      keep = keep.map(function (k, i) { return k && Boolean(set[i]); });
    }
    if (dated) {
      keep = keep.map(function (k, i) {
        var n = data.nodes[i];
        return k && (n.kind !== "meeting" || Boolean(n.date && within(n.date, from, to)));
      });
    }
    var on = data.arrows.map(function (a) {
      if (!keep[a.source] || !keep[a.target]) return false;
      if (!dated) return true;
      var dates = [];
      a.edges.forEach(function (e) { dates = dates.concat(e.dates); });
      return dates.length === 0 || dates.some(function (d) { return within(d, from, to); });
    });
    if (dated || focus) {
      var linked = data.nodes.map(function () { return false; });
      on.forEach(function (yes, j) { if (yes) linked[data.arrows[j].source] = linked[data.arrows[j].target] = true; });
      keep = keep.map(function (k, i) { return k && (linked[i] || (focus && i === Number(m))); });
    }
    nodeEls.forEach(function (e, i) { e.classList.toggle("hidden", !keep[i]); });
    arrowEls.forEach(function (e, j) { e.classList.toggle("hidden", !on[j]); });
    document.body.setAttribute("data-visible", String(keep.filter(Boolean).length));
  }
  kindBoxes.concat([meetingSelect, fromInput, toInput]).forEach(function (c) { c.addEventListener("change", applyFilters); });
  document.getElementById("reset").addEventListener("click", function () {
    kindBoxes.forEach(function (box) { box.checked = true; });
    meetingSelect.value = fromInput.value = toInput.value = input.value = "";
    search("");
    clearSelection();
    applyFilters();
    fit();
  });

  // The address's fragment: #search=NAME and #node=ID.
  function fromFragment() {
    location.hash.slice(1).split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) return;
      var key = part.slice(0, eq), value = decodeURIComponent(part.slice(eq + 1));
      if (key === "search") {
        input.value = value;
        var hits = search(value);
        if (hits.length) selectNode(hits[0], true);
      } else if (key === "node") {
        var i = data.nodes.findIndex(function (n) { return n.id === value; });
        if (i >= 0) selectNode(i, true);
      }
    });
  }
  window.addEventListener("hashchange", fromFragment);

  applyFilters();
  fromFragment();
  // What a test (or a curious reader) can check: every node drawn with a size.
  var drawn = nodeEls.filter(function (e) { var box = e.getBBox(); return box.width > 0 && box.height > 0; }).length;
  document.body.setAttribute("data-nodes", String(data.nodes.length));
  document.body.setAttribute("data-rendered", String(drawn));
  document.body.setAttribute("data-ready", "1");
})();
