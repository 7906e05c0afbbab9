<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parts Store - Lakeview Dodge Ram - Sandusky, OH</title>
<meta name="description" content="Lakeview Dodge Ram in Sandusky, Ohio, near Cedar Point. New Dodge Durango, Charger and Hornet, Ram 1500 and Heavy Duty trucks, used cars, service and Mopar parts.">
<link rel="stylesheet" href="/lakeview-dodge/css/lakeview.css">
</head>
<body>
<form method="post" action="./parts-store.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwULLTE4NjQ5NTc1NzIPZBYCZg9kFgICAw8WAh4GYWN0aW9uBQ16LmFzcHhkZA==">
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

<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="B7D81A52"><input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAXk3v2h0Q7yq1kB4cFhO3vU"></div>
<div class="shell">
<div class="hdr">
  <a href="/lakeview-dodge/" class="logo"><span class="l1">LAKEVIEW</span><span class="l2">DODGE &bull; RAM</span></a>
  <div class="hdr-right">
    <div class="phones"><span>Sales <b>419-555-0110</b></span><span>Service <b>419-555-0111</b></span></div>
    <div class="srch" id="ucSiteHeader_pnlSearch"><input name="ctl00$ucSiteHeader$txtKeyword" type="text" id="ucSiteHeader_txtKeyword" placeholder="Search inventory..." aria-label="Search inventory"><input type="submit" name="ctl00$ucSiteHeader$btnGo" value="Go" id="ucSiteHeader_btnGo"></div>
  </div>
</div>
<ul class="menu"><li><a href="/lakeview-dodge/new-vehicles.aspx">New</a></li><li><a href="/lakeview-dodge/pre-owned.aspx">Pre-Owned</a></li><li><a href="/lakeview-dodge/finance-center.aspx">Finance</a></li><li><a href="/lakeview-dodge/service-center.aspx">Service</a></li><li><a href="/lakeview-dodge/parts-store.aspx" class="sel">Parts</a></li><li><a href="/lakeview-dodge/about.aspx">About Us</a></li><li><a href="/lakeview-dodge/contact.aspx">Contact Us</a></li></ul>
<div class="body">
<h1>Mopar Parts Store</h1><p>Genuine Mopar parts and accessories shipped anywhere in the US. Parts counter: 419-555-0112.</p>
</div>
<div class="foot">
  <div><b>Lakeview Dodge Ram</b><br>4505 Milan Rd, Sandusky, OH 44870<br>Sales 419-555-0110 &middot; Service 419-555-0111 &middot; Parts 419-555-0112</div>
  <div><a href="/lakeview-dodge/new-vehicles.aspx">New</a> | <a href="/lakeview-dodge/pre-owned.aspx">Pre-Owned</a> | <a href="/lakeview-dodge/finance-center.aspx">Finance</a> | <a href="/lakeview-dodge/service-center.aspx">Service</a> | <a href="/lakeview-dodge/parts-store.aspx">Parts</a> | <a href="/lakeview-dodge/about.aspx">About Us</a> | <a href="/lakeview-dodge/contact.aspx">Contact Us</a> | <a href="/lakeview-dodge/privacy.aspx">Privacy</a></div>
  <div class="copy">&copy; 2025 Lakeview Dodge Ram. Prices plus tax, title, license and $250 documentary service fee. Powered by DealerPoint.</div>
</div>
</div>
</form>
</body>
</html>
