// Reading page enhancements; the page works without them.
// 1. The paragraph a reader points at (#abs12 in the address) goes into the citation suggestion,
//    with the page's published address (or, for an edition not yet published at one, where it is read).
// 2. Escape hides a person card shown on hover or focus (WCAG 1.4.13: dismissible).
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
})();
