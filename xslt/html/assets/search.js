// Full-text search over the Pagefind index built with the site (pagefind/ beside this page).
// Runs entirely in the browser; the page explains itself when script is off.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  var input = document.getElementById("suchbegriff");
  var status = document.getElementById("suchstatus");
  var list = document.getElementById("suchergebnisse");
  var base = new URL(".", location.href);
  var pagefind = null;

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

  function item(data) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.className = "result-title";
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(a);
    var p = document.createElement("p");
    p.innerHTML = data.excerpt; // Pagefind's excerpt: escaped text with <mark> around hits
    li.appendChild(p);
    (data.sub_results || []).slice(0, 3).forEach(function (sub) {
      if (sub.url === data.url) return;
      var s = document.createElement("p");
      var sa = document.createElement("a");
      sa.href = sub.url;
      sa.textContent = "→ " + sub.title;
      s.appendChild(sa);
      li.appendChild(s);
    });
    return li;
  }

  function run(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = label("running", "Suche läuft …", {});
    load().then(function (pf) { return pf.search(query); }).then(function (search) {
      return Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); })).then(function (all) {
        all.forEach(function (data) { list.appendChild(item(data)); });
        var n = search.results.length;
        status.textContent = n === 0 ? label("none", "Keine Treffer für „{query}“.", { query: query })
          : n === 1 ? label("count-one", "1 Treffer für „{query}“.", { query: query })
          : label("count", "{count} Treffer für „{query}“.", { count: n, query: query });
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
