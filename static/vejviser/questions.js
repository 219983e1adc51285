// Progressive enhancement for the guide's question form: show a conditional question as
// soon as the answers it depends on are picked. Without this script the form still works:
// the question appears after the first submit.
(function () {
  "use strict";
  var form = document.querySelector(".vejviser-questions");
  if (!form) { return; }
  var groups = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));

  function answers() {
    var result = {};
    groups.forEach(function (group) {
      var checked = group.querySelector("input:checked:not(:disabled)");
      if (checked && !group.hidden) { result[group.dataset.question] = checked.value; }
    });
    return result;
  }

  function applies(rule, given) {
    return Object.keys(rule).every(function (key) {
      return rule[key].indexOf(given[key]) !== -1;
    });
  }

  function update() {
    // Questions may depend on earlier ones only, so one pass in order settles all.
    groups.forEach(function (group) {
      var rule = JSON.parse(group.dataset.askedWhen || "{}");
      var show = applies(rule, answers());
      group.hidden = !show;
      Array.prototype.forEach.call(group.querySelectorAll("input"), function (input) {
        input.disabled = !show;
      });
    });
  }

  form.addEventListener("change", update);
  update();
})();
