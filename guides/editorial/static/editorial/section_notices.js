// Shows the Quality tab's findings (hard text, broken links, overdue review, no audience)
// at the top of each section in the Content tab. The section's stream block id is its
// `data-contentpath`; sections added since the last save have no findings yet.
(function () {
  'use strict';

  function notices() {
    const data = document.getElementById('editorial-section-notices');
    return data ? JSON.parse(data.textContent) : {};
  }

  function render(child, messages) {
    if (child.querySelector(':scope .editorial-section-notice')) return;
    const content = child.querySelector('.w-panel__content') || child;
    const box = document.createElement('div');
    box.className = 'help-block help-warning editorial-section-notice';
    box.setAttribute('role', 'status');
    const list = document.createElement('ul');
    messages.forEach(function (message) {
      const item = document.createElement('li');
      item.textContent = message;
      list.appendChild(item);
    });
    box.appendChild(list);
    content.insertBefore(box, content.firstChild);
  }

  function apply() {
    const all = notices();
    Object.keys(all).forEach(function (sectionId) {
      document
        .querySelectorAll('[data-streamfield-child][data-contentpath="' + CSS.escape(sectionId) + '"]')
        .forEach(function (child) {
          render(child, all[sectionId]);
        });
    });
  }

  function start() {
    apply();
    // The stream field draws its blocks from JavaScript, possibly after this runs.
    const observer = new MutationObserver(apply);
    observer.observe(document.body, { childList: true, subtree: true });
    window.setTimeout(function () {
      observer.disconnect();
    }, 10000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
