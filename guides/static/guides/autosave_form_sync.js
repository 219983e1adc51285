// Wagtail 8 autosaves the page editor in the background and remembers the revision it
// saved only for its own next autosave. This puts that revision into the form as well
// (overwrite_revision_id, the field Wagtail's autosave uses), so a Save, Submit or
// Publish made after an autosave says which revision it continues: the stale-edit check
// (guides/editing.py) then tells the editor's own autosave from a colleague's save, and
// Wagtail's save overwrites the autosaved revision instead of adding another one.
document.addEventListener('w-autosave:success', (event) => {
  const form = event.target;
  const data = event.detail && event.detail.data;
  if (!(form instanceof HTMLFormElement) || !data || !data.revision_id) return;
  let input = form.querySelector('input[name="overwrite_revision_id"]');
  if (!input) {
    input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'overwrite_revision_id';
    form.appendChild(input);
  }
  input.value = String(data.revision_id);
});
