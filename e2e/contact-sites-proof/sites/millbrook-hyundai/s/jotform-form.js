(function () {
  var form = document.getElementById("241880455129058");
  if (!form) return;
  // Phone boxes: digits only, and focus moves on when a box is full (JotForm "auto-advance").
  var parts = Array.prototype.slice.call(form.querySelectorAll(".phone-part"));
  parts.forEach(function (box, i) {
    box.addEventListener("input", function () {
      var max = Number(box.getAttribute("maxlength"));
      var digits = box.value.replace(/\D/g, "").slice(0, max);
      if (box.value !== digits) box.value = digits;
      if (digits.length === max && parts[i + 1]) parts[i + 1].focus();
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Backspace" && box.value === "" && parts[i - 1]) parts[i - 1].focus();
    });
  });
  function setError(line, message) {
    var old = line.querySelector(".form-error-message");
    if (old) old.remove();
    line.classList.toggle("form-line-error", Boolean(message));
    if (!message) return;
    var div = document.createElement("div");
    div.className = "form-error-message";
    div.setAttribute("role", "alert");
    div.textContent = message;
    line.querySelector("[id^=cid_]").appendChild(div);
  }
  form.addEventListener("submit", function (e) {
    var ok = true;
    form.querySelectorAll(".form-line.jf-required").forEach(function (line) {
      var boxes = line.querySelectorAll("input,textarea");
      var empty = Array.prototype.some.call(boxes, function (b) { return b.value.trim() === ""; });
      var message = empty ? "This field is required." : "";
      if (!message && line.getAttribute("data-type") === "control_email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(boxes[0].value.trim())) message = "Enter a valid e-mail address";
      if (!message && line.getAttribute("data-type") === "control_phone" && !parts.every(function (b) { return b.value.length === Number(b.getAttribute("maxlength")); })) message = "Please enter a valid phone number.";
      setError(line, message);
      if (message) ok = false;
    });
    if (!ok) { e.preventDefault(); return; }
    form.querySelector(".form-submit-button").disabled = true;
    form.querySelector(".form-submit-button").textContent = "Please Wait...";
  });
})();
