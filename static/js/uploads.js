/* Requirement uploads on the application form (templates/permits/citizen/edit.html).
 *
 * Without JavaScript each requirement's <form> posts its file and the page reloads. With it:
 * - the upload starts as soon as a file is chosen, in its own request (XMLHttpRequest, for the
 *   progress bar), so the rest of the form stays exactly as typed;
 * - big photos (JPEG/PNG over ~1600px on the long side or over 1 MB) are redrawn on a canvas and
 *   sent as JPEG at quality 0.8, when the requirement accepts JPEG: many applicants are on low-end
 *   phones and slow connections;
 * - a network failure shows "Unggah gagal — coba lagi" and a retry button that sends the same
 *   (already shrunk) file again without choosing it again.
 * Messages come translated from data-msg-* attributes on the section.
 */
(function () {
  "use strict";

  var MAX_SIDE = 1600;
  var SHRINK_ABOVE_BYTES = 1024 * 1024;
  var JPEG_QUALITY = 0.8;

  var section = document.querySelector("[data-upload-section]");
  if (!section || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var maxBytes = parseInt(section.getAttribute("data-max-bytes"), 10) || 5 * 1024 * 1024;
  var pending = 0;

  function msg(name) {
    return section.getAttribute("data-msg-" + name) || "";
  }

  function loadImage(file) {
    if (window.createImageBitmap) {
      // "from-image" applies the EXIF rotation of phone photos.
      return createImageBitmap(file, { imageOrientation: "from-image" }).catch(function () {
        return createImageBitmap(file);
      });
    }
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () {
        URL.revokeObjectURL(url);
        resolve(img);
      };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        reject(new Error("image"));
      };
      img.src = url;
    });
  }

  function jpegName(name) {
    var base = (name || "foto").replace(/\.[^.]*$/, "");
    return (base || "foto") + ".jpg";
  }

  /* Resolve to {blob, name}: the shrunk JPEG when worth it, else the original file. */
  function prepare(file, acceptsJpeg) {
    var original = { blob: file, name: file.name };
    var isPhoto = file.type === "image/jpeg" || file.type === "image/png";
    if (!acceptsJpeg || !isPhoto || !window.HTMLCanvasElement) {
      return Promise.resolve(original);
    }
    return loadImage(file)
      .then(function (image) {
        var width = image.width;
        var height = image.height;
        var longSide = Math.max(width, height);
        if (longSide <= MAX_SIDE && file.size <= SHRINK_ABOVE_BYTES) {
          return original;
        }
        var scale = Math.min(1, MAX_SIDE / longSide);
        var canvas = document.createElement("canvas");
        canvas.width = Math.max(1, Math.round(width * scale));
        canvas.height = Math.max(1, Math.round(height * scale));
        var context = canvas.getContext("2d");
        // JPEG has no transparency: a white background instead of black for PNGs.
        context.fillStyle = "#fff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        if (image.close) {
          image.close();
        }
        return new Promise(function (resolve) {
          canvas.toBlob(
            function (blob) {
              if (!blob || (blob.size >= file.size && longSide <= MAX_SIDE)) {
                resolve(original);
              } else {
                resolve({ blob: blob, name: jpegName(file.name) });
              }
            },
            "image/jpeg",
            JPEG_QUALITY
          );
        });
      })
      .catch(function () {
        return original; // the server says what is wrong with a file the browser cannot read
      });
  }

  function setup(form) {
    var item = form.closest(".checklist-item");
    var input = form.querySelector("input[type=file]");
    var button = form.querySelector("[data-upload-button]");
    var label = form.querySelector("[data-upload-label]");
    var progress = form.querySelector("[data-upload-progress]");
    var message = form.querySelector("[data-upload-message]");
    var retry = form.querySelector("[data-upload-retry]");
    var statusBox = item ? item.querySelector("[data-document-status]") : null;
    var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
    var acceptsJpeg = form.getAttribute("data-accepts-jpeg") === "1";
    var prepared = null;
    var busy = false;

    if (button) {
      button.hidden = true; // the upload starts when a file is chosen
    }

    function say(text, kind) {
      message.textContent = text;
      message.className = kind ? "upload-" + kind : "";
    }

    function done() {
      busy = false;
      pending -= 1;
      progress.hidden = true;
    }

    function failed() {
      done();
      say(msg("failed"), "error");
      retry.hidden = false;
    }

    function send() {
      if (!prepared || busy) {
        return;
      }
      busy = true;
      pending += 1;
      retry.hidden = true;
      progress.hidden = false;
      progress.value = 0;
      say(msg("uploading"), "");
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrf ? csrf.value : "");
      data.append("berkas", prepared.blob, prepared.name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.timeout = 10 * 60 * 1000;
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) {
          progress.value = Math.round((event.loaded / event.total) * 100);
        }
      };
      xhr.onerror = failed;
      xhr.ontimeout = failed;
      xhr.onabort = failed;
      xhr.onload = function () {
        var body = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch (error) {
          body = null;
        }
        if (xhr.status === 200 && body && body.ok) {
          done();
          prepared = null;
          input.value = "";
          if (statusBox && body.html) {
            statusBox.innerHTML = body.html;
          }
          if (item) {
            item.classList.add("is-done");
          }
          if (label) {
            label.textContent = msg("replace");
          }
          say(body.message || "", "success");
        } else if (xhr.status === 400 && body && body.error) {
          // The file itself was refused (type, size, damaged): another file is needed.
          done();
          prepared = null;
          input.value = "";
          say(body.error, "error");
        } else {
          failed(); // server error or a proxy's page: the same file can be sent again
        }
      };
      xhr.send(data);
    }

    function start() {
      var file = input.files && input.files[0];
      if (!file) {
        say(msg("choose"), "error");
        return;
      }
      if (busy) {
        return;
      }
      retry.hidden = true;
      var isPhoto = file.type === "image/jpeg" || file.type === "image/png";
      say(acceptsJpeg && isPhoto ? msg("shrinking") : msg("uploading"), "");
      prepare(file, acceptsJpeg).then(function (result) {
        if (result.blob.size > maxBytes) {
          prepared = null;
          input.value = "";
          say(msg("too-large"), "error");
          return;
        }
        prepared = result;
        send();
      });
    }

    input.addEventListener("change", start);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      start();
    });
    retry.addEventListener("click", send);
    // A file chosen while this script was still loading (a slow phone connection) fired its
    // "change" before the listener existed: upload it now, since the button is hidden.
    if (input.files && input.files.length) {
      start();
    }
  }

  Array.prototype.forEach.call(section.querySelectorAll(".upload-form"), setup);

  window.addEventListener("beforeunload", function (event) {
    if (pending > 0) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
