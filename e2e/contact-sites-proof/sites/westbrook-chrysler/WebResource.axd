// WebForms client script (postback options and validators), trimmed
var Page_BlockSubmit = false;
function WebForm_PostBackOptions(eventTarget, eventArgument, validation, validationGroup, actionUrl, trackFocus, clientSubmit) {
  this.eventTarget = eventTarget; this.eventArgument = eventArgument; this.validation = validation;
  this.validationGroup = validationGroup; this.actionUrl = actionUrl; this.trackFocus = trackFocus; this.clientSubmit = clientSubmit;
}
function WebForm_DoPostBackWithOptions(options) {
  var validationResult = true;
  if (options.validation) validationResult = Page_ClientValidate(options.validationGroup);
  if (validationResult && options.clientSubmit) __doPostBack(options.eventTarget, options.eventArgument);
}
var Page_Validators = [
  { id: "MainContent_ContactForm_rfvFirstName", control: "MainContent_ContactForm_txtFirstName", msg: "First Name is required." },
  { id: "MainContent_ContactForm_rfvLastName", control: "MainContent_ContactForm_txtLastName", msg: "Last Name is required." },
  { id: "MainContent_ContactForm_revEmail", control: "MainContent_ContactForm_txtEmail", msg: "A valid E-mail Address is required.", regex: /^[\w.+-]+@[\w-]+\.[\w.-]+$/ },
  { id: "MainContent_ContactForm_rfvDepartment", control: "MainContent_ContactForm_ddlDepartment", msg: "Please select a Department." }
];
function Page_ClientValidate(group) {
  var failed = [];
  for (var i = 0; i < Page_Validators.length; i++) {
    var v = Page_Validators[i], el = document.getElementById(v.control), span = document.getElementById(v.id);
    if (!el) continue;
    var value = (el.value || "").trim();
    var ok = value !== "" && (!v.regex || v.regex.test(value));
    span.style.visibility = ok ? "hidden" : "visible";
    if (!ok) failed.push(v.msg);
  }
  var summary = document.getElementById("MainContent_ContactForm_vsContact");
  if (summary) {
    summary.style.display = failed.length ? "" : "none";
    summary.innerHTML = failed.length ? "Please correct the following:<ul><li>" + failed.join("</li><li>") + "</li></ul>" : "";
  }
  Page_BlockSubmit = failed.length > 0;
  return !Page_BlockSubmit;
}
function ValidatorOnSubmit() {
  var blocked = Page_BlockSubmit;
  Page_BlockSubmit = false;
  return !blocked;
}
