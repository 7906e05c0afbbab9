/* Contact Form 7 front-end (trimmed) */
(() => {
  var api = (window.wpcf7 && wpcf7.api) || { root: "/", namespace: "contact-form-7/v1" };
  document.querySelectorAll(".wpcf7 > form").forEach((form) => {
    var wrap = form.closest(".wpcf7");
    wrap.classList.remove("no-js");
    wrap.classList.add("js");
    var id = form.querySelector("[name=_wpcf7]").value,
      out = form.querySelector(".wpcf7-response-output");
    function setStatus(s) {
      ["init", "submitting", "sent", "invalid", "spam", "failed"].forEach((c) => {
        form.classList.remove(c);
      });
      form.classList.add(s);
      form.setAttribute("data-status", s);
    }
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      form.querySelectorAll(".wpcf7-not-valid-tip").forEach((t) => {
        t.remove();
      });
      form.querySelectorAll(".wpcf7-not-valid").forEach((t) => {
        t.classList.remove("wpcf7-not-valid");
        t.setAttribute("aria-invalid", "false");
      });
      setStatus("submitting");
      fetch(api.root + api.namespace + "/contact-forms/" + id + "/feedback", {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
      })
        .then((r) => r.json())
        .then((j) => {
          var st =
            j.status === "mail_sent"
              ? "sent"
              : j.status === "validation_failed"
                ? "invalid"
                : j.status === "spam"
                  ? "spam"
                  : "failed";
          setStatus(st);
          out.textContent = j.message || "";
          out.setAttribute("aria-hidden", "false");
          (j.invalid_fields || []).forEach((f) => {
            var name = String(f).split(":")[0];
            var w = form.querySelector('[data-name="' + name + '"]');
            if (!w) return;
            var c = w.querySelector("input,textarea");
            if (c) {
              c.classList.add("wpcf7-not-valid");
              c.setAttribute("aria-invalid", "true");
            }
            var t = document.createElement("span");
            t.className = "wpcf7-not-valid-tip";
            t.setAttribute("aria-hidden", "true");
            t.textContent = "Please fill out this field.";
            w.appendChild(t);
          });
          if (st === "sent") form.reset();
        })
        .catch(() => {
          setStatus("failed");
          out.textContent = "There was an error trying to send your message. Please try again later.";
          out.setAttribute("aria-hidden", "false");
        });
    });
  });
})();
