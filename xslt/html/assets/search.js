// Full-text search over the Pagefind index built with the site (pagefind/ beside this page).
// Runs entirely in the browser; the page explains itself when script is off.
// Results are grouped by page (a text, the register, the chronology) with the number of places
// that match; each place links to its paragraph (or heading, note, entry) by the element's id.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  var input = document.getElementById("suchbegriff");
  var status = document.getElementById("suchstatus");
  var list = document.getElementById("suchergebnisse");
  var base = new URL(".", location.href);
  var pagefind = null;
  // Places shown per page before "show all"; words of context either side of a hit.
  var SHOWN = 5;
  var CONTEXT = 12;
  // Anchors that are places of their own: blocks, not phrases (a page break, a person) inside one.
  var PLACES = /^(p|li|div|section|article|aside|blockquote|dd|dt|td|th|figure|h[1-6])$/;

  // The wording: labels.xml's German texts (search-running, search-none, …) are the defaults
  // here; a page in another language gives its own in data-label-* attributes of the form.
  function label(name, german, values) {
    var text = form.getAttribute("data-label-" + name) || german;
    return text.replace(/\{([a-z]+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        // Texts in other languages have indexes of their own (their stemming): merged here.
        var bundles = (form.getAttribute("data-bundles") || "").split(" ").filter(Boolean);
        return pf.options({ baseUrl: base.pathname }).then(function () {
          return Promise.all(bundles.map(function (entry) {
            var at = entry.indexOf(":");
            return pf.mergeIndex(new URL(entry.slice(at + 1), base).pathname, { language: entry.slice(0, at) });
          }));
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  // The matching words of a page by place: [{anchor, heading, start, end, hits}], in page order.
  // Pagefind's locations index the page's words split at whitespace, as do anchor locations.
  function places(data) {
    var anchors = (data.anchors || []).filter(function (a) { return PLACES.test(a.element); })
      .sort(function (a, b) { return a.location - b.location; });
    var found = [];
    var i = -1;
    var heading = null;
    data.locations.slice().sort(function (a, b) { return a - b; }).forEach(function (at) {
      while (i + 1 < anchors.length && anchors[i + 1].location <= at) {
        i += 1;
        if (/^h[2-6]$/.test(anchors[i].element)) heading = anchors[i]; // h1: the page's title, shown above
      }
      var anchor = i >= 0 ? anchors[i] : null;
      var last = found[found.length - 1];
      if (!last || last.anchor !== anchor) {
        last = { anchor: anchor, heading: heading, start: anchor ? anchor.location : 0,
          end: i + 1 < anchors.length ? anchors[i + 1].location : Infinity, hits: [] };
        found.push(last);
      }
      last.hits.push(at);
    });
    return found;
  }

  // The words around the place's first hit, within the place, hits marked; text nodes only.
  function excerpt(words, place) {
    var p = document.createElement("p");
    p.className = "result-excerpt";
    var first = place.hits[0];
    var from = Math.max(place.start, first - CONTEXT);
    var to = Math.min(place.end, words.length, first + CONTEXT + 1);
    if (from > place.start) p.appendChild(document.createTextNode("… "));
    for (var i = from; i < to; i += 1) {
      if (i > from) p.appendChild(document.createTextNode(" "));
      if (place.hits.indexOf(i) >= 0) {
        var mark = document.createElement("mark");
        mark.textContent = words[i];
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(words[i]));
      }
    }
    if (to < Math.min(place.end, words.length)) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  function group(data) {
    var li = document.createElement("li");
    li.className = "result-group";
    var head = document.createElement("h2");
    head.className = "result-head";
    var a = document.createElement("a");
    a.className = "result-title";
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    head.appendChild(a);
    var found = places(data);
    var count = document.createElement("span");
    count.className = "result-count";
    count.textContent = " " + (found.length === 1 ? label("group-count-one", "1 Treffer", {})
      : label("group-count", "{count} Treffer", { count: found.length }));
    head.appendChild(count);
    li.appendChild(head);
    var words = data.content.split(/\s+/);
    var ol = document.createElement("ol");
    ol.className = "result-places";
    found.forEach(function (place, index) {
      var item = document.createElement("li");
      if (index >= SHOWN) item.hidden = true;
      var link = document.createElement("a");
      link.href = place.anchor ? data.url.split("#")[0] + "#" + encodeURIComponent(place.anchor.id) : data.url;
      link.className = "result-place";
      link.appendChild(excerpt(words, place));
      if (place.heading && place.heading !== place.anchor && place.heading.text) {
        var section = document.createElement("span");
        section.className = "result-section";
        section.textContent = place.heading.text;
        item.appendChild(section);
      }
      item.appendChild(link);
      ol.appendChild(item);
    });
    li.appendChild(ol);
    if (found.length > SHOWN) {
      var more = document.createElement("button");
      more.type = "button";
      more.className = "result-more";
      more.textContent = label("show-all", "Alle {count} Treffer zeigen", { count: found.length });
      more.addEventListener("click", function () {
        ol.querySelectorAll("li[hidden]").forEach(function (item) { item.hidden = false; });
        more.remove();
        ol.children[SHOWN].querySelector("a").focus();
      });
      li.appendChild(more);
    }
    return { element: li, count: found.length };
  }

  function run(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = label("running", "Suche läuft …", {});
    load().then(function (pf) { return pf.search(query); }).then(function (search) {
      return Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); })).then(function (all) {
        var total = 0;
        all.forEach(function (data) {
          var g = group(data);
          total += g.count;
          list.appendChild(g.element);
        });
        var pages = search.results.length;
        status.textContent = total === 0 ? label("none", "Keine Treffer für „{query}“.", { query: query })
          : total === 1 ? label("count-one", "1 Treffer für „{query}“.", { query: query })
          : pages === 1 ? label("count-page", "{count} Treffer auf einer Seite für „{query}“.", { count: total, query: query })
          : label("count", "{count} Treffer auf {pages} Seiten für „{query}“.", { count: total, pages: pages, query: query });
      });
    }).catch(function () {
      status.textContent = label("failed", "Die Suche konnte nicht geladen werden (Seite über einen Webserver öffnen, z. B. mit „edition serve“).", {});
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
