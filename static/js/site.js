// Small enhancements; every page works without them.
document.documentElement.classList.add("js");

document.addEventListener("change", (event) => {
  // A sort menu sends its form as soon as it changes.
  if (event.target.matches("select[data-autosubmit]")) event.target.form.requestSubmit();
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  try {
    await navigator.clipboard.writeText(source.textContent.trim());
    button.textContent = "Copied";
  } catch {
    button.textContent = "Select and copy";
  }
});
