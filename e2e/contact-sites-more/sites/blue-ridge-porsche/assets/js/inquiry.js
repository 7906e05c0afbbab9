/* inquiry widget */
(() => {
  var CSS =
    '<style>:host{display:block}.card{border:1px solid #d8d8d8;padding:22px;font-family:"Helvetica Neue",Arial,sans-serif;position:relative}.row{margin-bottom:14px}.row span.l{display:block;font-size:13px;font-weight:600;margin-bottom:4px}.two{display:flex;gap:14px}.two>.row{flex:1}' +
    "input,select,textarea{width:100%;box-sizing:border-box;border:1px solid #999;padding:10px;font:inherit}button{background:#d5001c;color:#fff;border:0;padding:12px 28px;font-weight:700;cursor:pointer}.err{color:#d5001c;font-size:13px}.ok{font-size:17px}" +
    ".aux{position:absolute;left:-10000px;top:0;width:260px}</style>";
  var HTML =
    '<div class="card"><h3 style="margin-top:0">Connect with a Porsche Brand Ambassador</h3><form novalidate>' +
    '<input type="hidden" name="oid" value="00D5f000006PbRg"><input type="hidden" name="lead_source" value="Website - Connect">' +
    '<div class="two"><div class="row"><span class="l" id="sp-fn">First name *</span><input name="first_name" aria-labelledby="sp-fn" autocomplete="given-name"></div>' +
    '<div class="row"><span class="l" id="sp-ln">Last name *</span><input name="last_name" aria-labelledby="sp-ln" autocomplete="family-name"></div></div>' +
    '<div class="two"><div class="row"><span class="l" id="sp-em">Email *</span><input name="email" type="email" aria-labelledby="sp-em" autocomplete="email"></div>' +
    '<div class="row"><span class="l" id="sp-mo">Mobile</span><input name="mobile" type="tel" aria-labelledby="sp-mo" autocomplete="tel"></div></div>' +
    '<div class="two"><div class="row"><span class="l" id="sp-zip">ZIP code</span><input name="zip" aria-labelledby="sp-zip" maxlength="10" autocomplete="postal-code"></div>' +
    '<div class="row"><span class="l" id="sp-dept">Department *</span><select name="00N5f00000LxQ2a" aria-labelledby="sp-dept"><option value="">--None--</option><option value="NVS">New Vehicle Sales</option><option value="POS">Pre-Owned Sales</option><option value="SVC">Service</option></select></div></div>' +
    '<div class="row"><span class="l" id="sp-msg">How may we assist you?</span><textarea name="description" rows="4" aria-labelledby="sp-msg"></textarea></div>' +
    '<div class="aux"><span class="l" id="sp-cw">Company website</span><input name="company_website" aria-labelledby="sp-cw" tabindex="-1" autocomplete="off"></div>' +
    '<p class="err" hidden>Please complete the required fields.</p><button type="submit">Submit Inquiry</button></form></div>';
  class PbrInquiry extends HTMLElement {
    connectedCallback() {
      var root = this.attachShadow({ mode: "open" });
      root.innerHTML = CSS + HTML;
      var f = root.querySelector("form");
      f.addEventListener("submit", (e) => {
        e.preventDefault();
        var v = (n) => (f.elements[n].value || "").trim();
        var ok = v("first_name") && v("last_name") && /^\S+@\S+\.\S+$/.test(v("email")) && v("00N5f00000LxQ2a");
        root.querySelector(".err").hidden = !!ok;
        if (!ok) return;
        var body = new URLSearchParams();
        [
          "oid",
          "lead_source",
          "first_name",
          "last_name",
          "email",
          "mobile",
          "zip",
          "00N5f00000LxQ2a",
          "description",
          "company_website",
        ].forEach((n) => {
          body.append(n, f.elements[n].value);
        });
        fetch("/blue-ridge-porsche/servlet/WebToLead?encoding=UTF-8", { method: "POST", body: body }).then((r) => {
          if (r.ok)
            root.querySelector(".card").innerHTML =
              '<p class="ok" role="status">Thank you. A Porsche Brand Ambassador will contact you shortly.</p>';
          else {
            var p = root.querySelector(".err");
            p.textContent = "Your inquiry could not be sent. Please call us.";
            p.hidden = false;
          }
        });
      });
    }
  }
  customElements.define("pbr-inquiry-form", PbrInquiry);
  window.addEventListener("load", () => {
    setTimeout(() => {
      var a = document.getElementById("app");
      a.innerHTML = "";
      a.appendChild(document.createElement("pbr-inquiry-form"));
    }, 3000);
  });
})();
