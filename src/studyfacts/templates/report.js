// Hovering a value (in the abstract or the table) outlines every piece of its span(s).
(function () {
  "use strict";
  let hot = [];
  function cool() { for (const el of hot) el.classList.remove("hot"); hot = []; }
  document.addEventListener("mouseover", function (e) {
    const el = e.target.closest ? e.target.closest("[data-s]") : null;
    cool();
    if (!el) return;
    const rec = el.closest(".rec");
    for (const id of el.dataset.s.split(" ")) {
      for (const x of rec.querySelectorAll('[data-s~="' + id + '"]')) { x.classList.add("hot"); hot.push(x); }
    }
  });
  for (const b of document.querySelectorAll("button[data-open]")) {
    b.addEventListener("click", function () {
      const open = b.dataset.open === "1";
      for (const d of document.querySelectorAll("details.rec")) d.open = open;
    });
  }
})();
