// Light or dark: the system setting (prefers-color-scheme) unless the reader
// chose otherwise with the toggle, which is remembered in localStorage. Loaded
// in <head> without defer on every page so the chosen theme applies before
// the first paint; the toggle is wired once the document is parsed.
'use strict';

(function () {
  const KEY = 'morgue-theme';
  const root = document.documentElement;
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  let unsaved = '';  // the choice when storage is disabled: kept for this page only

  function stored() {
    try {
      const value = localStorage.getItem(KEY);
      return value === 'dark' || value === 'light' ? value : '';
    } catch (e) {
      return unsaved;  // storage disabled
    }
  }

  const effective = () => stored() || (system.matches ? 'dark' : 'light');

  function apply() {
    const choice = stored();
    if (choice) root.setAttribute('data-theme', choice);
    else root.removeAttribute('data-theme');
    const button = document.getElementById('theme-toggle');
    if (!button) return;
    const dark = effective() === 'dark';
    button.textContent = dark ? 'Light theme' : 'Dark theme';
    button.title = dark ? 'Switch to the light theme' : 'Switch to the dark theme';
  }

  function toggle() {
    const next = effective() === 'dark' ? 'light' : 'dark';
    try {
      // Back to following the system when the choice matches it.
      if (next === (system.matches ? 'dark' : 'light')) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, next);
    } catch (e) {
      unsaved = next;
    }
    apply();
  }

  apply();
  system.addEventListener('change', apply);
  document.addEventListener('DOMContentLoaded', () => {
    const button = document.getElementById('theme-toggle');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', toggle);
    apply();
  });
})();
