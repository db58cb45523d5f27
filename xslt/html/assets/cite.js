// Puts the paragraph a reader points at (#abs12 in the address) into the citation suggestion.
// Progressive enhancement: without script the citation names the essay and the hint explains anchors.
(function () {
  "use strict";
  var citation = document.querySelector(".citation[data-cite-url]");
  if (!citation) return;
  var url = citation.getAttribute("data-cite-url");
  var urlSpan = citation.querySelector(".cite-url");
  var paraSpan = citation.querySelector(".cite-para");
  function update() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var number = target && target.classList.contains("para") ? target.querySelector(".pnum") : null;
    urlSpan.textContent = number ? url + "#" + id : url;
    paraSpan.textContent = number ? ", Abs. " + number.textContent : "";
  }
  window.addEventListener("hashchange", update);
  update();
})();
