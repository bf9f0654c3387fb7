// guanxi viewer: pan and zoom, labels of the most connected nodes that fit, search, filters
// by kind, meeting and dates (each fits the view to what it leaves), and a panel with posts,
// relations and evidence sentences. Written for guanxi. It reads the page data from
// #guanxi-data and writes text only through textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("guanxi-data").textContent);
  var svg = document.getElementById("graph");
  var nodesGroup = document.getElementById("nodes");
  var arrowsGroup = document.getElementById("arrows");
  var hulls = document.getElementById("hulls");
  var panel = document.getElementById("panel");
  var input = document.getElementById("search");
  var results = document.getElementById("results");
  var meetingSelect = document.getElementById("meeting");
  var fromInput = document.getElementById("from");
  var toInput = document.getElementById("to");
  var undatedBox = document.getElementById("undated");
  var loneBox = document.getElementById("lone");
  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll("#kinds input[value]"));
  var N = data.nodes.length;
  var nodeEls = data.nodes.map(function (_, i) { return document.getElementById("n" + i); });
  var arrowEls = data.arrows.map(function (_, j) { return document.getElementById("a" + j); });
  var labelEls = nodeEls.map(function (e) { return e.querySelector("text.label"); });
  var KIND = { person: "person", organization: "body", meeting: "meeting" };
  var EDGE = {
    holds_post: "holds post", attended: "attended", presided: "presided 主持",
    spoke: "spoke 讲话", organized: "organized 主办"
  };
  var LABEL_PX = 12, MAX_LABELS = 150;
  var pos = data.nodes.map(function (n) { return { x: n.x, y: n.y }; });
  var left = data.nodes.map(function () { return false; });
  var shown = data.nodes.map(function () { return true; });
  var on = data.arrows.map(function () { return true; });
  var matched = {}, selected = -1, near = {};

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

  // Label sizes per em, measured once with every label drawn.
  nodesGroup.style.fontSize = "100px";
  var em = labelEls.map(function (t) {
    var b = t.getBBox();
    return { w: t.getComputedTextLength() / 100, y: b.y / 100, h: b.height / 100 };
  });
  nodesGroup.style.fontSize = "";
  // What a test (or a curious reader) can check: every node drawn with a size.
  var drawn = nodeEls.filter(function (e) { var box = e.getBBox(); return box.width > 0 && box.height > 0; }).length;
  document.body.setAttribute("data-nodes", String(N));
  document.body.setAttribute("data-rendered", String(drawn));

  // Places: nodes move (the meeting filter lays its nodes out around the meeting); arrows
  // follow as straight lines between the symbols.
  function moveNode(i) {
    nodeEls[i].setAttribute("transform", "translate(" + pos[i].x + " " + pos[i].y + ")");
    var r = data.nodes[i].r;
    labelEls[i].setAttribute("x", String(left[i] ? -(r + 3) : r + 3));
    labelEls[i].classList.toggle("left", left[i]);
  }
  function routeArrow(j) {
    var a = data.arrows[j], p = pos[a.source], q = pos[a.target];
    var rs = data.nodes[a.source].r, rt = data.nodes[a.target].r + 1.5;
    var dx = q.x - p.x, dy = q.y - p.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 1e-9);
    var ux = dx / d, uy = dy / d;
    var x1 = p.x + ux * rs, y1 = p.y + uy * rs, x2 = q.x - ux * rt, y2 = q.y - uy * rt;
    var path = "M" + x1.toFixed(1) + "," + y1.toFixed(1) + "L" + x2.toFixed(1) + "," + y2.toFixed(1);
    Array.prototype.forEach.call(arrowEls[j].querySelectorAll("path"), function (e) { e.setAttribute("d", path); });
    var t = arrowEls[j].querySelector("text");
    if (t) { t.setAttribute("x", ((x1 + x2) / 2).toFixed(1)); t.setAttribute("y", ((y1 + y2) / 2 - 3).toFixed(1)); }
  }

  // Pan and zoom: the viewBox moves; labels keep their size on screen.
  var b = svg.viewBox.baseVal;
  var view = { x: b.x, y: b.y, w: b.width, h: b.height };
  function scale() {
    return Math.min(svg.clientWidth / view.w, svg.clientHeight / view.h) || 1;
  }
  function setView() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
    var s = scale();
    nodesGroup.style.fontSize = (LABEL_PX / s) + "px";
    arrowsGroup.style.fontSize = (10 / s) + "px";
    svg.style.setProperty("--px", String(1 / s));
    placeLabels();
  }
  function toDrawing(cx, cy) {
    var p = svg.createSVGPoint();
    p.x = cx; p.y = cy;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoom(factor, cx, cy) {
    var p = cx === undefined ? { x: view.x + view.w / 2, y: view.y + view.h / 2 } : toDrawing(cx, cy);
    var w = Math.min(Math.max(view.w * factor, 60), 40000);
    factor = w / view.w;
    view.x = p.x - (p.x - view.x) * factor;
    view.y = p.y - (p.y - view.y) * factor;
    view.w *= factor;
    view.h *= factor;
    setView();
  }
  // Fits the view to some nodes: their symbols, room for the labels beside them, the zoom
  // buttons and the legend.
  function fitTo(list) {
    if (list.length === 0) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, padLeft = 0, padRight = 0;
    list.forEach(function (i) {
      var r = data.nodes[i].r, px = em[i].w * LABEL_PX + 6;
      x0 = Math.min(x0, pos[i].x - r); x1 = Math.max(x1, pos[i].x + r);
      y0 = Math.min(y0, pos[i].y - r); y1 = Math.max(y1, pos[i].y + r);
      if (left[i]) padLeft = Math.max(padLeft, px); else padRight = Math.max(padRight, px);
    });
    var cw = svg.clientWidth || 1000, ch = svg.clientHeight || 700;
    var top = 20, bottom = 20, side = 50;
    padLeft = Math.max(padLeft, side); padRight = Math.max(padRight, 20);
    var w = Math.max(x1 - x0, 80), h = Math.max(y1 - y0, 80);
    // Never blown up beyond 1.5 times: a few nodes stay the size they are.
    var s = Math.min((cw - padLeft - padRight) / w, (ch - top - bottom) / h, 1.5);
    var spareX = cw - padLeft - padRight - w * s, spareY = ch - top - bottom - h * s;
    view = { x: x0 - (padLeft + spareX / 2) / s, y: y0 - (top + spareY / 2) / s, w: cw / s, h: ch / s };
    setView();
  }
  function visibleNodes() {
    var list = [];
    for (var i = 0; i < N; i++) if (shown[i]) list.push(i);
    return list;
  }
  function fit() { fitTo(visibleNodes()); }
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
    var s = scale();
    if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 2) drag.moved = true;
    view.x -= (e.clientX - drag.x) / s;
    view.y -= (e.clientY - drag.y) / s;
    drag.x = e.clientX; drag.y = e.clientY;
    setView();
  });
  window.addEventListener("pointerup", function () {
    window.setTimeout(function () { drag = null; }, 0);
  });
  window.addEventListener("resize", setView);
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(0.7); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1 / 0.7); });
  document.getElementById("fit").addEventListener("click", fit);

  // Labels: the selected node, its neighbours and search matches first, then the most
  // connected; a label shows only where it overlaps no label already shown, and at most
  // MAX_LABELS show. Sizes are in drawing units at the current zoom.
  var RANK = { person: 0, meeting: 1, organization: 2 };
  var byDegree = data.nodes.map(function (_, i) { return i; }).sort(function (x, y) {
    var a = data.nodes[x], c = data.nodes[y];
    return c.degree - a.degree || RANK[a.kind] - RANK[c.kind] || x - y;
  });
  function placeLabels() {
    var s = scale(), fs = LABEL_PX / s, pad = 1.5 / s;
    var vw = svg.clientWidth / s, vh = svg.clientHeight / s;
    var vx = view.x + view.w / 2 - vw / 2, vy = view.y + view.h / 2 - vh / 2;
    var first = [], rest = [];
    byDegree.forEach(function (i) { (i === selected || near[i] || matched[i] ? first : rest).push(i); });
    var boxes = [], count = 0;
    first.concat(rest).forEach(function (i) {
      var show = false;
      if (shown[i] && count < MAX_LABELS) {
        var r = data.nodes[i].r, w = em[i].w * fs, h = em[i].h * fs;
        var x0 = left[i] ? pos[i].x - r - 3 - w : pos[i].x + r + 3, y0 = pos[i].y + em[i].y * fs;
        var box = [x0 - pad, y0 - pad, x0 + w + pad, y0 + h + pad];
        var inside = box[0] >= vx && box[2] <= vx + vw && box[1] >= vy && box[3] <= vy + vh;
        show = inside && !boxes.some(function (o) { return box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]; });
        if (show) { boxes.push(box); count += 1; }
      }
      labelEls[i].classList.toggle("off", !show);
    });
    document.body.setAttribute("data-labels", String(count));
  }

  // The panel.
  function nodeLink(i) {
    var a = el("button", "link " + data.nodes[i].kind, nameOf(i));
    a.type = "button";
    a.addEventListener("click", function () { if (!shown[i]) showAll(); selectNode(i, true); });
    return a;
  }
  function quote(q) {
    var block = el("blockquote");
    var chars = Array.from(q.text);
    var marks = q.marks.slice().sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    var at = 0;
    marks.forEach(function (m) {
      var start = Math.max(m[0], at);
      if (start > at) block.appendChild(document.createTextNode(chars.slice(at, start).join("")));
      if (m[1] > start) block.appendChild(el("mark", m[2], chars.slice(start, m[1]).join("")));
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
  // Selection.
  function clearSelection() {
    svg.classList.remove("focus");
    Array.prototype.forEach.call(svg.querySelectorAll(".selected, .near"), function (e) {
      e.classList.remove("selected", "near");
    });
    selected = -1; near = {};
  }
  function selectNode(i, move) {
    clearSelection();
    svg.classList.add("focus");
    selected = i;
    nodeEls[i].classList.add("selected");
    var around = [i];
    data.nodes[i].arrows.forEach(function (j) {
      if (!on[j]) return;
      arrowEls[j].classList.add("near");
      [data.arrows[j].source, data.arrows[j].target].forEach(function (k) {
        nodeEls[k].classList.add("near");
        near[k] = true;
        around.push(k);
      });
    });
    showNode(i);
    if (move) fitTo(around); else placeLabels();
    document.body.setAttribute("data-selected", data.nodes[i].id);
  }
  function selectArrow(j) {
    clearSelection();
    svg.classList.add("focus");
    arrowEls[j].classList.add("selected");
    [data.arrows[j].source, data.arrows[j].target].forEach(function (k) { nodeEls[k].classList.add("near"); near[k] = true; });
    showArrow(j);
    placeLabels();
  }
  svg.addEventListener("click", function (e) {
    if (drag && drag.moved) return;
    var node = e.target.closest(".node");
    var arrow = e.target.closest(".arrow");
    if (node) selectNode(Number(node.id.slice(1)), false);
    else if (arrow) selectArrow(Number(arrow.id.slice(1)));
    else { clearSelection(); placeLabels(); }
  });

  // Search: names and aliases containing the text; exact names first, then persons.
  var ORDER = { person: 0, organization: 1, meeting: 2 };
  function search(text) {
    var q = text.trim().toLowerCase();
    nodeEls.forEach(function (e) { e.classList.remove("match"); });
    matched = {};
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
      return ex - ey || ORDER[data.nodes[x].kind] - ORDER[data.nodes[y].kind] || data.nodes[y].degree - data.nodes[x].degree || x - y;
    });
    hits.forEach(function (i) { nodeEls[i].classList.add("match"); matched[i] = true; });
    hits.slice(0, 30).forEach(function (i) {
      var li = el("li", data.nodes[i].kind);
      var n = data.nodes[i], button = nodeLink(i);
      // Namesakes look alike: add their regions, or the id's number.
      var more = n.regions && n.regions.length ? " · " + n.regions.join("、") : n.id.indexOf("#") >= 0 ? " · " + n.id.slice(n.id.indexOf("#")) : "";
      button.appendChild(el("small", null, " " + KIND[n.kind] + more + (n.degree ? "" : " · unlinked")));
      li.appendChild(button);
      results.appendChild(li);
    });
    if (q && hits.length === 0) results.appendChild(el("li", "none", "no match"));
    results.hidden = !q;
    document.body.setAttribute("data-search-hits", String(hits.length));
    placeLabels();
    return hits;
  }
  input.addEventListener("input", function () { search(input.value); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      var hits = search(input.value);
      if (hits.length) { if (!shown[hits[0]]) showAll(); selectNode(hits[0], true); }
      results.hidden = true;
    } else if (e.key === "Escape") {
      input.value = "";
      search("");
    }
  });
  results.addEventListener("click", function () { results.hidden = true; });

  // Filters: kinds, unlinked nodes; one meeting (laid out around it) with its people, their
  // bodies and organisers; a date range, which keeps undated meetings unless told not to.
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
    var dated = Boolean(from || to), focus = m !== "" && data.focus[m];
    var keep = data.nodes.map(function (n) { return kinds[n.kind] && (n.degree > 0 || loneBox.checked); });
    var place = {};
    if (focus) {
      data.focus[m].forEach(function (p) { place[p[0]] = p; });
      keep = keep.map(function (k, i) { return k && Boolean(place[i]); });
    }
    if (dated) {
      keep = keep.map(function (k, i) {
        var n = data.nodes[i];
        if (!k || n.kind !== "meeting") return k;
        return n.date ? within(n.date, from, to) : undatedBox.checked;
      });
    }
    on = data.arrows.map(function (a) {
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
    shown = keep;
    for (var i = 0; i < N; i++) {
      var p = place[i];
      pos[i] = p ? { x: p[1], y: p[2] } : { x: data.nodes[i].x, y: data.nodes[i].y };
      left[i] = Boolean(p) && p[1] < 0;
      moveNode(i);
      nodeEls[i].classList.toggle("hidden", !keep[i]);
    }
    arrowEls.forEach(function (e, j) { e.classList.toggle("hidden", !on[j]); if (on[j]) routeArrow(j); });
    var whole = !focus && !dated && kindBoxes.every(function (box) { return box.checked; });
    hulls.classList.toggle("hidden", !whole);
    document.body.setAttribute("data-visible", String(keep.filter(Boolean).length));
    document.body.setAttribute("data-focus", focus ? data.nodes[Number(m)].id : "");
    fit();
  }
  function showAll() {
    loneBox.checked = true;
    kindBoxes.forEach(function (box) { box.checked = true; });
    meetingSelect.value = fromInput.value = toInput.value = "";
    applyFilters();
  }
  kindBoxes.concat([meetingSelect, fromInput, toInput, undatedBox, loneBox]).forEach(function (c) {
    c.addEventListener("change", function () { clearSelection(); applyFilters(); });
  });
  document.getElementById("reset").addEventListener("click", function () {
    kindBoxes.forEach(function (box) { box.checked = true; });
    loneBox.checked = false;
    undatedBox.checked = true;
    meetingSelect.value = fromInput.value = toInput.value = input.value = "";
    search("");
    clearSelection();
    applyFilters();
  });

  // The address's fragment: #search=NAME, #node=ID, #meeting=ID.
  function fromFragment() {
    location.hash.slice(1).split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) return;
      var key = part.slice(0, eq), value = decodeURIComponent(part.slice(eq + 1));
      var i = data.nodes.findIndex(function (n) { return n.id === value; });
      if (key === "search") {
        input.value = value;
        var hits = search(value);
        if (hits.length) { if (!shown[hits[0]]) showAll(); selectNode(hits[0], true); }
      } else if (key === "node" && i >= 0) {
        if (!shown[i]) showAll();
        selectNode(i, true);
      } else if (key === "meeting" && i >= 0 && data.nodes[i].kind === "meeting") {
        meetingSelect.value = String(i);
        applyFilters();
      }
    });
  }
  window.addEventListener("hashchange", fromFragment);

  applyFilters();
  fromFragment();
  placeLabels();
  document.body.setAttribute("data-ready", "1");
})();
