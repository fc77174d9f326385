/* löfte: progressive enhancement only. Every page works and shows the same without it.
   - The start page gets a box that filters the municipalities as you type (the letter
     index and the full list work without it).
   - A printed page says when it was printed. */
(function () {
  "use strict";
  var box = document.getElementById("filter");
  var list = document.getElementById("kommunlista");
  if (box && list) {
    var cards = Array.prototype.slice.call(list.children);
    var lang = document.documentElement.lang || "sv";
    var label = document.createElement("label");
    var input = document.createElement("input");
    var status = document.createElement("p");
    label.htmlFor = "filter-input";
    label.textContent = box.getAttribute("data-label");
    input.id = "filter-input";
    input.type = "search";
    input.autocomplete = "off";
    input.spellcheck = false;
    status.setAttribute("role", "status");
    status.className = "meta";
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    box.className = "filter";
    input.addEventListener("input", function () {
      var q = input.value.trim().toLocaleLowerCase(lang);
      var shown = 0;
      cards.forEach(function (card) {
        var name = (card.querySelector("h3") || card).textContent.trim().toLocaleLowerCase(lang);
        var match = !q || name.indexOf(q) !== -1;
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = !q ? "" : shown === 0 ? box.getAttribute("data-none")
        : shown === 1 ? box.getAttribute("data-one") : box.getAttribute("data-count").replace("{n}", shown);
    });
  }
  var printed = document.querySelectorAll("[data-print-date]");
  if (printed.length) {
    window.addEventListener("beforeprint", function () {
      var lang = document.documentElement.lang || "sv";
      var today = new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
      Array.prototype.forEach.call(printed, function (el) {
        el.textContent = el.getAttribute("data-print-date").replace("{date}", today);
      });
    });
  }
}());
