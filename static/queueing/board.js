/* The TV display board: polls the snapshot (ETag, so an unchanged board costs a 304), shows the
   counters and the last calls, and announces each new call or recall in Indonesian through the
   browser's speech synthesis, one at a time (a queue, so announcements never overlap). A failed
   poll shows a notice and retries with a growing delay; it recovers by itself. */
(function () {
  "use strict";
  var config = document.getElementById("board-config");
  var url = config.dataset.url;
  var phraseNumber = config.dataset.phraseNumber;
  var phraseCounter = config.dataset.phraseCounter;
  var labelCounter = config.dataset.labelCounter;
  var lang = config.dataset.lang;
  var POLL_MS = 1000;
  var etag = null;
  var seen = null; // call ids already shown; null until the first snapshot
  var speech = [];
  var speaking = false;
  var soundOn = "speechSynthesis" in window;
  var failures = 0;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function speakNext() {
    if (speaking || !speech.length) return;
    var text = speech.shift();
    if (!soundOn) { speech = []; return; }
    speaking = true;
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = 0.9;
    var done = function () { speaking = false; setTimeout(speakNext, 400); };
    utterance.onend = done;
    utterance.onerror = done;
    window.speechSynthesis.speak(utterance);
  }

  function announce(call) {
    window.boardAnnouncements = (window.boardAnnouncements || []).concat([call.id]);
    var latest = document.getElementById("board-latest");
    latest.textContent = "";
    latest.appendChild(el("span", call.code, "board-latest-code"));
    latest.appendChild(el("span", labelCounter + " " + call.counter, "board-latest-counter"));
    speech.push(phraseNumber + " " + call.spoken + ", " + phraseCounter + " " + call.counter);
    speakNext();
  }

  function render(data) {
    var rows = document.getElementById("board-counter-rows");
    rows.textContent = "";
    data.counters.forEach(function (c) {
      var tr = el("tr");
      tr.className = "counter-" + c.status;
      tr.appendChild(el("td", c.number + " · " + c.label));
      tr.appendChild(el("td", c.ticket || "—", "board-ticket"));
      tr.appendChild(el("td", c.status_label));
      rows.appendChild(tr);
    });
    var list = document.getElementById("board-call-list");
    list.textContent = "";
    data.calls.forEach(function (call) {
      list.appendChild(el("li", call.code + " → " + labelCounter + " " + call.counter));
    });
    var anns = document.getElementById("board-announcements");
    anns.textContent = "";
    data.announcements.forEach(function (a) { anns.appendChild(el("li", a.title + ": " + a.body)); });
    var fresh = data.calls.slice().reverse().filter(function (call) { return seen && !seen[call.id]; });
    var first = seen === null;
    seen = seen || {};
    data.calls.forEach(function (call) { seen[call.id] = true; });
    if (first && data.calls.length) {
      var latest = document.getElementById("board-latest");
      latest.textContent = "";
      latest.appendChild(el("span", data.calls[0].code, "board-latest-code"));
      latest.appendChild(el("span", labelCounter + " " + data.calls[0].counter, "board-latest-counter"));
    }
    fresh.forEach(announce);
    document.body.dataset.version = data.version;
  }

  function schedule(ms) { setTimeout(poll, ms); }

  function poll() {
    var headers = etag ? { "If-None-Match": etag } : {};
    fetch(url, { headers: headers, cache: "no-store" })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) throw new Error("HTTP " + response.status);
        etag = response.headers.get("ETag");
        return response.json();
      })
      .then(function (data) {
        failures = 0;
        document.getElementById("board-connection").hidden = true;
        if (data) render(data);
        schedule(POLL_MS);
      })
      .catch(function () {
        failures += 1;
        document.getElementById("board-connection").hidden = false;
        schedule(Math.min(POLL_MS * Math.pow(2, failures), 15000));
      });
  }

  function tick() {
    var now = new Date();
    document.getElementById("board-clock").textContent = now.toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" });
  }

  document.getElementById("board-sound").addEventListener("click", function () {
    // Browsers allow speech only after a user gesture on the page: a TV is set up once.
    soundOn = "speechSynthesis" in window;
    if (soundOn) window.speechSynthesis.speak(new SpeechSynthesisUtterance(""));
    this.hidden = true;
  });

  tick();
  setInterval(tick, 10000);
  render(JSON.parse(JSON.parse(document.getElementById("board-initial").textContent)));
  poll();
})();
