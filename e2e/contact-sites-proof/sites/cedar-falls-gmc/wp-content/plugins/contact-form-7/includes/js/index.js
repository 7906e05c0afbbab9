(function () {
  "use strict";
  var api = (window.wpcf7 && window.wpcf7.api) || { root: "/wp-json/", namespace: "contact-form-7/v1" };
  function setStatus(form, status) {
    ["init", "validating", "submitting", "sent", "invalid", "unaccepted", "spam", "aborted", "failed", "resetting"].forEach(function (c) { form.classList.remove(c); });
    form.classList.add(status);
    form.setAttribute("data-status", status);
  }
  function toggleSubmit(form) {
    var submit = form.querySelector("input.wpcf7-submit");
    if (!submit) return;
    var unchecked = form.querySelectorAll(".wpcf7-acceptance:not(.optional) input[type=checkbox]:not(:checked)");
    submit.disabled = unchecked.length > 0;
  }
  function clearTips(form) {
    form.querySelectorAll(".wpcf7-not-valid-tip").forEach(function (t) { t.remove(); });
    form.querySelectorAll("[aria-invalid=true]").forEach(function (c) { c.setAttribute("aria-invalid", "false"); c.classList.remove("wpcf7-not-valid"); });
  }
  function showTip(form, name, message) {
    var wrap = form.querySelector('.wpcf7-form-control-wrap[data-name="' + name + '"]');
    if (!wrap) return;
    var control = wrap.querySelector("input,select,textarea");
    if (control) { control.setAttribute("aria-invalid", "true"); control.classList.add("wpcf7-not-valid"); }
    var tip = document.createElement("span");
    tip.className = "wpcf7-not-valid-tip";
    tip.setAttribute("aria-hidden", "true");
    tip.textContent = message;
    wrap.appendChild(tip);
  }
  function init(form) {
    var output = form.querySelector(".wpcf7-response-output");
    var id = form.querySelector("input[name=_wpcf7]").value;
    setStatus(form, "init");
    toggleSubmit(form);
    form.addEventListener("change", function (e) {
      if (e.target.closest(".wpcf7-acceptance")) toggleSubmit(form);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var submit = form.querySelector("input.wpcf7-submit");
      if (submit && submit.disabled) return;
      clearTips(form);
      setStatus(form, "submitting");
      fetch(api.root + api.namespace + "/contact-forms/" + id + "/feedback", {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
      })
        .then(function (r) { return r.json(); })
        .then(function (res) {
          var status = { mail_sent: "sent", validation_failed: "invalid", acceptance_missing: "unaccepted", spam: "spam", mail_failed: "failed" }[res.status] || "failed";
          setStatus(form, status);
          (res.invalid_fields || []).forEach(function (f) {
            var name = typeof f === "string" ? f.split(":")[0] : f.field;
            showTip(form, name, "Please fill out this field.");
          });
          output.textContent = res.message || "";
          output.setAttribute("aria-hidden", "false");
          if (status === "sent") {
            form.reset();
            toggleSubmit(form);
          }
        })
        .catch(function () {
          setStatus(form, "failed");
          output.textContent = "There was an error trying to send your message. Please try again later.";
          output.setAttribute("aria-hidden", "false");
        });
    });
  }
  document.querySelectorAll(".wpcf7 > form").forEach(init);
})();
