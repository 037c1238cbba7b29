// Catalogue: after htmx loads another page of results, move focus to the results heading so
// keyboard and screen-reader users continue from the top of the new list.
document.addEventListener("htmx:afterSwap", function (event) {
  var source = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (event.detail.target.id !== "results" || !source || !source.closest(".pagination")) {
    return;
  }
  var heading = document.getElementById("results-title");
  if (heading) {
    heading.focus();
    heading.scrollIntoView({ block: "start" });
  }
});

// Keep the language switch on the URL htmx pushed, so switching language keeps the search.
document.addEventListener("htmx:pushedIntoHistory", function () {
  var next = document.querySelector(".language-switch input[name=next]");
  if (next) {
    next.value = window.location.pathname + window.location.search;
  }
});
