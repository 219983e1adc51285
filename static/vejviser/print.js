// Progressive enhancement for the print view: a button that opens the browser's print
// dialogue. Without JavaScript the page says how to print with the browser's own menu.
(function () {
  "use strict";
  var button = document.querySelector(".vejviser-print-button");
  if (!button || typeof window.print !== "function") { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
