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

// A year chart: dragging from one bar to another lists the years between them (from and to).
// Choosing one bar and then another does the same without a pointer (memos.site.charts).
let dragFrom = null;

document.addEventListener("mousedown", (event) => {
  const bar = event.target.closest(".year-chart a[data-year]");
  if (!bar || event.button !== 0) return;
  dragFrom = bar;
  event.preventDefault(); // no native link drag, which would swallow the mouseup
});

document.addEventListener("mouseup", (event) => {
  const start = dragFrom;
  dragFrom = null;
  const end = event.target.closest(".year-chart a[data-year]");
  if (!start || !end || start === end) return;
  const chart = end.closest(".year-chart");
  const [first, last] = [Number(start.dataset.year), Number(end.dataset.year)].sort((a, b) => a - b);
  const url = new URL(chart.dataset.rangeBase, window.location.href);
  url.searchParams.set("from", `${String(first).padStart(4, "0")}-01-01`);
  url.searchParams.set("to", `${String(last).padStart(4, "0")}-12-31`);
  window.location.assign(url);
});
