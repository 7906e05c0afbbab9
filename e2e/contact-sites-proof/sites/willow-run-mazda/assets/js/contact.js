// Contact form: session event, then form token, then the lead.
(function () {
  var form = document.getElementById("wrm-contact");
  var button = form.querySelector("button[type=submit]");
  var base = form.getAttribute("data-api");
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (!form.checkValidity()) { form.reportValidity(); return; }
    button.disabled = true;
    button.textContent = "Sending\u2026";
    var done = function () { button.disabled = false; button.textContent = "Send"; };
    fetch(base + "/session/touch", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ event: "form_submit", form: "contact" }),
    })
      .then(function () { return fetch(base + "/forms/token?form=contact", { headers: { Accept: "application/json" } }); })
      .then(function (res) {
        if (!res.ok) return null;
        return res.json().then(function (t) {
          var data = Object.fromEntries(new FormData(form));
          data.token = t.token;
          return fetch(base + "/forms/contact", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) })
            .then(function (r) { if (r.ok) { form.hidden = true; document.getElementById("wrm-contact-done").hidden = false; } });
        });
      })
      .catch(function () {})
      .then(done);
  });
})();
