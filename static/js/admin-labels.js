// Select2 (the admin's autocomplete) draws its own combobox beside the hidden <select>; give it the
// select's accessible name, so every input of the review screen has one (axe: aria-input-field-name).
'use strict';
(function() {
    function nameOf(select) {
        if (select.getAttribute('aria-label')) {
            return select.getAttribute('aria-label');
        }
        const label = select.id && document.querySelector('label[for="' + select.id + '"]');
        return label ? label.textContent.trim() : select.name;
    }
    function label(root) {
        root.querySelectorAll('select.admin-autocomplete').forEach(function(select) {
            const box = select.nextElementSibling;
            if (!box || !box.classList.contains('select2')) {
                return;
            }
            const name = nameOf(select);
            box.querySelectorAll('[role="combobox"], [role="textbox"]').forEach(function(el) {
                el.setAttribute('aria-label', name);
            });
        });
    }
    function soon(root) { setTimeout(function() { label(root || document); }, 0); }
    window.addEventListener('load', function() { soon(document); });
    document.addEventListener('formset:added', function(event) { soon(event.target); });
})();
