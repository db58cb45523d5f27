// Reading page enhancements; the page works without them.
// 1. The paragraph a reader points at (#abs12 in the address) goes into the citation suggestion,
//    with the page's published address (or, for an edition not yet published at one, where it is read).
// 2. Escape hides a person card shown on hover or focus (WCAG 1.4.13: dismissible); a card that
//    would run past the window's right edge moves back inside it.
// 3. On a narrow screen the contents start closed: their heading becomes a button that opens
//    them, so the text's title comes first.
(function () {
  "use strict";
  var para = document.querySelector(".citation .cite-para");
  var citation = para && para.closest(".citation");
  if (citation) {
    var url = citation.getAttribute("data-cite-url") || location.href.split("#")[0];
    var urlSpan = citation.querySelector(".cite-url");
    var paraSpan = para;
    // labels.xml's German paragraph-short is the default; other languages give theirs.
    var paraLabel = citation.getAttribute("data-label-paragraph") || "Abs.";
    var update = function () {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id ? document.getElementById(id) : null;
      var number = target && target.classList.contains("para") ? target.querySelector(".pnum") : null;
      urlSpan.textContent = number ? url + "#" + id : url;
      paraSpan.textContent = number ? ", " + paraLabel + " " + number.textContent : "";
    };
    window.addEventListener("hashchange", update);
    update();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".person:hover, .person:focus-within").forEach(function (person) {
      person.setAttribute("data-card-hidden", "");
    });
  });
  var reset = function (event) {
    var person = event.target.closest && event.target.closest(".person");
    if (person) person.removeAttribute("data-card-hidden");
  };
  document.addEventListener("focusout", reset);
  document.addEventListener("mouseout", reset);

  // Cards are placed by the stylesheet (on phones fixed at the window's foot); this only moves one
  // left that would be cut off, measured once it shows.
  var fit = function (event) {
    var person = event.target.closest && event.target.closest(".person");
    var card = person && person.querySelector(".card");
    // once per entry into a mention, not at every move over its parts
    if (!card || (event.relatedTarget && person.contains(event.relatedTarget))) return;
    card.style.removeProperty("left");
    requestAnimationFrame(function () {
      if (getComputedStyle(card).position !== "absolute") return;
      var box = card.getBoundingClientRect();
      var over = box.right - (document.documentElement.clientWidth - 8);
      if (over > 0) card.style.left = -Math.min(over, Math.max(0, box.left - 8)) + "px";
    });
  };
  document.addEventListener("focusin", fit);
  document.addEventListener("mouseover", fit);

  var toc = document.querySelector("nav.toc");
  var tocHead = toc && toc.querySelector("h2");
  if (tocHead && window.matchMedia) {
    var narrow = window.matchMedia("(max-width: 62rem)");
    var toggle = null;
    var open = function (yes) {
      toc.classList.toggle("toc-closed", !yes);
      toggle.setAttribute("aria-expanded", String(yes));
    };
    var layout = function () {
      if (narrow.matches && !toggle) {
        toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "toc-toggle";
        while (tocHead.firstChild) toggle.appendChild(tocHead.firstChild);
        tocHead.appendChild(toggle);
        toggle.addEventListener("click", function () { open(toc.classList.contains("toc-closed")); });
        open(false);
      } else if (!narrow.matches && toggle) {
        while (toggle.firstChild) tocHead.appendChild(toggle.firstChild);
        toggle.remove();
        toggle = null;
        toc.classList.remove("toc-closed");
      }
    };
    // A chosen entry closes the contents again, so the text shows where it leads.
    toc.addEventListener("click", function (event) {
      if (toggle && event.target.closest("a")) open(false);
    });
    narrow.addEventListener("change", layout);
    layout();
  }
})();
