/* forms embed v4 (trimmed) */
(() => {
  var FIELDS = [
    [
      { n: "firstname", l: "First name", t: "text", r: 1, ac: "given-name" },
      { n: "lastname", l: "Last name", t: "text", r: 1, ac: "family-name" },
    ],
    [
      { n: "email", l: "Email", t: "email", r: 1, ac: "email" },
      { n: "phone", l: "Phone number", t: "tel", r: 0, ac: "tel" },
    ],
    [
      { n: "zip", l: "Postal code", t: "text", r: 0, ac: "postal-code" },
      {
        n: "inquiry_type",
        l: "I have a question about",
        t: "select",
        r: 1,
        o: [
          ["", "Please Select"],
          ["Sales", "Buying or leasing a vehicle"],
          ["Service", "Service or maintenance"],
          ["Parts", "Parts and accessories"],
          ["Other", "Something else"],
        ],
      },
    ],
    [{ n: "message", l: "Message", t: "textarea", r: 0 }],
  ];
  function uid() {
    return Math.random().toString(36).slice(2, 6);
  }
  function render(host) {
    var state = {};
    var frame = document.createElement("div");
    frame.className = "hsfc-FormWrapper";
    frame.setAttribute("data-hsfc-id", "FormWrapper");
    var form = document.createElement("div");
    form.className = "hsfc-Form";
    form.setAttribute("role", "form");
    form.setAttribute("aria-label", "Contact Ironwood Cadillac");
    var step = document.createElement("div");
    step.className = "hsfc-Step";
    FIELDS.forEach((row) => {
      var r = document.createElement("div");
      r.className = "hsfc-Row";
      row.forEach((f) => {
        var id = "0-1/" + f.n + "-" + uid(),
          w = document.createElement("div");
        w.className =
          f.t === "select" ? "hsfc-DropdownField" : f.t === "textarea" ? "hsfc-TextareaField" : "hsfc-TextField";
        var lab = document.createElement("label");
        lab.className = "hsfc-FieldLabel";
        lab.htmlFor = id;
        lab.innerHTML =
          "<span>" +
          f.l +
          "</span>" +
          (f.r ? '<span class="hsfc-FieldLabel__RequiredIndicator" aria-hidden="true">*</span>' : "");
        var el;
        if (f.t === "select") {
          el = document.createElement("select");
          el.className = "hsfc-DropdownInput";
          f.o.forEach((o) => {
            var op = document.createElement("option");
            op.value = o[0];
            op.textContent = o[1];
            el.appendChild(op);
          });
        } else if (f.t === "textarea") {
          el = document.createElement("textarea");
          el.className = "hsfc-TextareaInput";
          el.rows = 4;
        } else {
          el = document.createElement("input");
          el.type = f.t;
          el.className = "hsfc-TextInput";
        }
        el.id = id;
        el.name = "0-1/" + f.n;
        if (f.ac) el.autocomplete = f.ac;
        if (f.r) {
          el.required = true;
          el.setAttribute("aria-required", "true");
        }
        el.setAttribute("data-field", f.n);
        w.appendChild(lab);
        w.appendChild(el);
        r.appendChild(w);
      });
      step.appendChild(r);
    });
    var nav = document.createElement("div");
    nav.className = "hsfc-NavigationRow";
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "hsfc-Button";
    btn.textContent = "Submit";
    nav.appendChild(btn);
    var legal = document.createElement("p");
    legal.className = "disclaimer";
    legal.textContent =
      "Ironwood Cadillac needs the contact information you provide to us to contact you about our products and services.";
    step.appendChild(nav);
    step.appendChild(legal);
    form.appendChild(step);
    frame.appendChild(form);
    host.innerHTML = "";
    host.appendChild(frame);
    // controlled inputs: the component only knows what arrives through 'input' events
    frame.addEventListener("input", (e) => {
      var n = e.target.getAttribute("data-field");
      if (n) state[n] = e.target.value;
    });
    function sync() {
      frame.querySelectorAll("[data-field]").forEach((el) => {
        var v = state[el.getAttribute("data-field")] || "";
        if (el.value !== v) el.value = v;
      });
    }
    btn.addEventListener("click", () => {
      sync();
      frame.querySelectorAll(".hsfc-ErrorAlert").forEach((x) => {
        x.remove();
      });
      var bad = false;
      FIELDS.forEach((row) => {
        row.forEach((f) => {
          var v = (state[f.n] || "").trim(),
            el = frame.querySelector('[data-field="' + f.n + '"]'),
            msg = "";
          if (f.r && !v) msg = "Please complete this required field.";
          else if (f.t === "email" && v && !/^\S+@\S+\.\S+$/.test(v)) msg = "Email must be formatted correctly.";
          if (msg) {
            bad = true;
            el.setAttribute("aria-invalid", "true");
            var d = document.createElement("div");
            d.className = "hsfc-ErrorAlert";
            d.textContent = msg;
            el.parentNode.appendChild(d);
          } else el.removeAttribute("aria-invalid");
        });
      });
      if (bad) return;
      btn.disabled = true;
      var body = {
        submittedAt: String(Date.now()),
        fields: FIELDS.flat().map((f) => ({ objectTypeId: "0-1", name: f.n, value: (state[f.n] || "").trim() })),
        context: { pageUri: location.href, pageName: document.title },
      };
      fetch(
        "/ironwood-cadillac/hs-api/submissions/v3/integration/submit/2233445/7c1e9b2a-4f0d-4a51-9a8e-2f1d6c3b7e10",
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
      )
        .then((r) => r.json().then((j) => ({ ok: r.ok, j: j })))
        .then((x) => {
          btn.disabled = false;
          if (x.ok) {
            host.innerHTML =
              '<div class="hsfc-PostSubmit" role="status"><p>' +
              (x.j.inlineMessage || "Thanks for reaching out!") +
              "</p></div>";
          } else {
            var d = document.createElement("div");
            d.className = "hsfc-ErrorAlert";
            d.textContent = "Something went wrong. Please try again.";
            nav.appendChild(d);
          }
        });
    });
  }
  function boot() {
    document.querySelectorAll(".hs-form-frame").forEach(render);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
