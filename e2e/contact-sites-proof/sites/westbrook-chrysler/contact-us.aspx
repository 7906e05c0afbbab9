<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Contact Us | Westbrook Chrysler Dodge Jeep Ram | Westbrook, ME</title>
<meta name="description" content="Westbrook Chrysler Dodge Jeep Ram in Westbrook, Maine serves Portland, Gorham and Windham with new Chrysler, Dodge, Jeep and Ram vehicles, used cars, service and parts.">
<link href="/westbrook-chrysler/App_Themes/Westbrook/styles.css" type="text/css" rel="stylesheet">
</head>
<body>
<form method="post" action="./contact-us.aspx" id="aspnetForm" onsubmit="javascript:return WebForm_OnSubmit();">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTk0MjE3NTU4Mg9kFgJmD2QWAgIDD2QWBAIBD2QWAgIBDw8WAh4EVGV4dAUOV2VzdGJyb29rIENESlJkZGSx2V8c0M1bQ==">
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) { theForm = document.aspnetForm; }
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="C2EE9ABB">
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAqNn0vQ3kWb6dYc2V9bJ8lq5r2hPqHcY0Yt4wKfQm3u8e1nTz7sVx0AaC9dLr2TgXw==">
</div>
<script src="/westbrook-chrysler/WebResource.axd?d=pynGkmcFUV13He1Qd6_TZH0S2&amp;t=638470362840000000" type="text/javascript"></script>
<script type="text/javascript">
//<![CDATA[
function WebForm_OnSubmit() {
if (typeof(ValidatorOnSubmit) == "function" && ValidatorOnSubmit() == false) return false;
return true;
}
//]]>
</script>
<div id="wrapper">
  <div id="topbar"><span>1045 Main Street, Westbrook, ME 04092</span><span>Sales <b>(207) 555-0141</b></span><span>Service <b>(207) 555-0142</b></span><span>Parts <b>(207) 555-0143</b></span></div>
  <div id="header">
    <a id="logo" href="/westbrook-chrysler/"><span class="logo-mark">W</span><span class="logo-text">Westbrook<br><small>Chrysler · Dodge · Jeep · Ram</small></span></a>
    <div id="ucHeader_pnlSearch" class="header-search">
      <label for="ucHeader_txtSearch">Search Our Inventory</label>
      <input name="ctl00$ucHeader$txtSearch" type="text" id="ucHeader_txtSearch" class="search-box" placeholder="Year, Make, Model or Stock #">
      <input type="submit" name="ctl00$ucHeader$btnSearch" value="Go" id="ucHeader_btnSearch" class="search-go">
    </div>
  </div>
  <div id="nav"><ul><li><a href="/westbrook-chrysler/new-inventory.aspx">New Inventory</a></li><li><a href="/westbrook-chrysler/used-inventory.aspx">Used Inventory</a></li><li><a href="/westbrook-chrysler/specials.aspx">Specials</a></li><li><a href="/westbrook-chrysler/finance.aspx">Financing</a></li><li><a href="/westbrook-chrysler/service.aspx">Service</a></li><li><a href="/westbrook-chrysler/parts.aspx">Parts</a></li><li><a href="/westbrook-chrysler/about-us.aspx">About Us</a></li><li class="on"><a href="/westbrook-chrysler/contact-us.aspx">Contact Us</a></li></ul></div>
  <div id="content">
<div class="crumb"><a href="/westbrook-chrysler/">Home</a> &gt; Contact Us</div><h1>Contact Us</h1>
<div class="twocol"><div class="main">
<p>Questions about a vehicle, a service appointment or a part? Fill out the form below and the right person at Westbrook Chrysler Dodge Jeep Ram will get back to you, usually the same business day.</p>
<div id="MainContent_ContactForm_vsContact" class="vsummary" style="display:none"></div>
<table class="contact-table" id="MainContent_ContactForm_tblContact">
<tr><td class="lbl"><label for="MainContent_ContactForm_txtFirstName">First Name:</label> <span class="req">*</span></td><td><input name="ctl00$MainContent$ContactForm$txtFirstName" type="text" maxlength="50" id="MainContent_ContactForm_txtFirstName"> <span id="MainContent_ContactForm_rfvFirstName" class="validator" style="visibility:hidden;">Required</span></td></tr>
<tr><td class="lbl"><label for="MainContent_ContactForm_txtLastName">Last Name:</label> <span class="req">*</span></td><td><input name="ctl00$MainContent$ContactForm$txtLastName" type="text" maxlength="50" id="MainContent_ContactForm_txtLastName"> <span id="MainContent_ContactForm_rfvLastName" class="validator" style="visibility:hidden;">Required</span></td></tr>
<tr><td class="lbl"><label for="MainContent_ContactForm_txtEmail">E-mail Address:</label> <span class="req">*</span></td><td><input name="ctl00$MainContent$ContactForm$txtEmail" type="text" maxlength="100" id="MainContent_ContactForm_txtEmail"> <span id="MainContent_ContactForm_revEmail" class="validator" style="visibility:hidden;">Enter a valid e-mail</span></td></tr>
<tr><td class="lbl"><label for="MainContent_ContactForm_txtPhone">Phone Number:</label></td><td><input name="ctl00$MainContent$ContactForm$txtPhone" type="text" maxlength="20" id="MainContent_ContactForm_txtPhone"></td></tr>
<tr><td class="lbl"><label for="MainContent_ContactForm_ddlDepartment">Department:</label> <span class="req">*</span></td><td><select name="ctl00$MainContent$ContactForm$ddlDepartment" id="MainContent_ContactForm_ddlDepartment">
<option selected="selected" value="">-- Select a Department --</option><option value="SLS">New &amp; Used Sales</option><option value="SVC">Service</option><option value="PRT">Parts</option><option value="FIN">Finance</option><option value="GEN">General Question</option></select> <span id="MainContent_ContactForm_rfvDepartment" class="validator" style="visibility:hidden;">Required</span></td></tr>
<tr><td class="lbl">Preferred Contact:</td><td><span id="MainContent_ContactForm_rblContactPref"><input id="MainContent_ContactForm_rblContactPref_0" type="radio" name="ctl00$MainContent$ContactForm$rblContactPref" value="Email" checked="checked"><label for="MainContent_ContactForm_rblContactPref_0">E-mail</label> <input id="MainContent_ContactForm_rblContactPref_1" type="radio" name="ctl00$MainContent$ContactForm$rblContactPref" value="Phone"><label for="MainContent_ContactForm_rblContactPref_1">Phone</label></span></td></tr>
<tr><td class="lbl"><label for="MainContent_ContactForm_txtComments">Questions / Comments:</label></td><td><textarea name="ctl00$MainContent$ContactForm$txtComments" rows="6" cols="40" id="MainContent_ContactForm_txtComments"></textarea></td></tr>
<tr><td></td><td><input type="submit" name="ctl00$MainContent$ContactForm$btnSend" value="Send Message" onclick="javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions(&quot;ctl00$MainContent$ContactForm$btnSend&quot;, &quot;&quot;, true, &quot;Contact&quot;, &quot;&quot;, false, false))" id="MainContent_ContactForm_btnSend" class="btn-send"></td></tr>
</table>
<p style="font-size:11px;color:#666"><span class="req">*</span> indicates a required field. We will never sell or share your information.</p>
</div>
<div class="side"><div class="box"><h3>Visit Us</h3><p><b>Westbrook Chrysler Dodge Jeep Ram</b><br>1045 Main Street<br>Westbrook, ME 04092</p><p>Sales: (207) 555-0141<br>Service: (207) 555-0142<br>Parts: (207) 555-0143<br>Fax: (207) 555-0149</p></div>
<div class="map">Map &mdash; 1045 Main St, Westbrook</div>
<div class="box" style="margin-top:14px"><h3>Hours</h3><table class="hrs">
<tr><th colspan="2">Sales</th></tr><tr><td>Mon - Fri</td><td>8:30am - 7:00pm</td></tr><tr><td>Saturday</td><td>8:30am - 5:00pm</td></tr><tr><td>Sunday</td><td>Closed</td></tr>
<tr><th colspan="2">Service &amp; Parts</th></tr><tr><td>Mon - Fri</td><td>7:00am - 5:30pm</td></tr><tr><td>Saturday</td><td>8:00am - 12:00pm</td></tr><tr><td>Sunday</td><td>Closed</td></tr>
</table></div></div></div>
  </div>
  <div id="footer">
    <div class="f-col"><h4>Westbrook Chrysler Dodge Jeep Ram</h4><p>1045 Main Street<br>Westbrook, ME 04092</p><p>Sales: (207) 555-0141<br>Service: (207) 555-0142<br>Parts: (207) 555-0143</p></div>
    <div class="f-col"><h4>Quick Links</h4><ul><li><a href="/westbrook-chrysler/new-inventory.aspx">New Inventory</a></li><li><a href="/westbrook-chrysler/used-inventory.aspx">Used Inventory</a></li><li><a href="/westbrook-chrysler/specials.aspx">Specials</a></li><li><a href="/westbrook-chrysler/finance.aspx">Financing</a></li><li><a href="/westbrook-chrysler/service.aspx">Service</a></li><li><a href="/westbrook-chrysler/parts.aspx">Parts</a></li><li><a href="/westbrook-chrysler/about-us.aspx">About Us</a></li><li><a href="/westbrook-chrysler/contact-us.aspx">Contact Us</a></li><li><a href="/westbrook-chrysler/privacy.aspx">Privacy Policy</a></li></ul></div>
    <div class="f-col"><h4>Hours</h4><table class="hrs">
<tr><th colspan="2">Sales</th></tr><tr><td>Mon - Fri</td><td>8:30am - 7:00pm</td></tr><tr><td>Saturday</td><td>8:30am - 5:00pm</td></tr><tr><td>Sunday</td><td>Closed</td></tr>
<tr><th colspan="2">Service &amp; Parts</th></tr><tr><td>Mon - Fri</td><td>7:00am - 5:30pm</td></tr><tr><td>Saturday</td><td>8:00am - 12:00pm</td></tr><tr><td>Sunday</td><td>Closed</td></tr>
</table></div>
    <p class="copy">Copyright &copy; 2025 Westbrook Chrysler Dodge Jeep Ram. All Rights Reserved. Prices plus tax, title, registration and $499 documentation fee. Website by AutoCorner Interactive.</p>
  </div>
</div>
</form>
</body>
</html>
