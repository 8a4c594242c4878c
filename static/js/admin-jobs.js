// The jobs list and a job's page reload every few seconds while a job on them is still running,
// so its progress moves without the editor reloading by hand.
(function () {
  "use strict";
  if (document.querySelector('[data-job-running="true"]')) {
    window.setTimeout(function () { window.location.reload(); }, 3000);
  }
})();
