<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pre-Owned Vehicles - Lakeview Dodge Ram - Sandusky, OH</title>
<meta name="description" content="Lakeview Dodge Ram in Sandusky, Ohio, near Cedar Point. New Dodge Durango, Charger and Hornet, Ram 1500 and Heavy Duty trucks, used cars, service and Mopar parts.">
<link rel="stylesheet" href="/lakeview-dodge/css/lakeview.css">
</head>
<body>
<form method="post" action="./pre-owned.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwULLTE4NjQ5NTc1NzIPZBYCZg9kFgICAw8WAh4GYWN0aW9uBQ14LmFzcHhkZA==">
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
<ul class="menu"><li><a href="/lakeview-dodge/new-vehicles.aspx">New</a></li><li><a href="/lakeview-dodge/pre-owned.aspx" class="sel">Pre-Owned</a></li><li><a href="/lakeview-dodge/finance-center.aspx">Finance</a></li><li><a href="/lakeview-dodge/service-center.aspx">Service</a></li><li><a href="/lakeview-dodge/parts-store.aspx">Parts</a></li><li><a href="/lakeview-dodge/about.aspx">About Us</a></li><li><a href="/lakeview-dodge/contact.aspx">Contact Us</a></li></ul>
<div class="body">
<h1>Pre-Owned Vehicles</h1><p>Every pre-owned vehicle passes a 125-point inspection and comes with a free AutoCheck report.</p><table class="lst"><tr><td><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eee"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f4f4f2" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg></td><td><b>2022 Toyota Highlander XLE</b><br>Color: Bright White<br>Stock #LD71810U<br>Mileage: 25,644 mi</td><td class="pr">$38,610</td></tr><tr><td><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eee"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#5a5d61" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg></td><td><b>2018 Subaru Outback Premium</b><br>Color: Granite Crystal<br>Stock #LD78960U<br>Mileage: 74,537 mi</td><td class="pr">$33,703</td></tr><tr><td><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eee"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#7d1420" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg></td><td><b>2022 Jeep Cherokee Latitude</b><br>Color: Velvet Red<br>Stock #LD50278U<br>Mileage: 87,683 mi</td><td class="pr">$34,014</td></tr><tr><td><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eee"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f4f4f2" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg></td><td><b>2017 Subaru Crosstrek Premium</b><br>Color: Bright White<br>Stock #LD17713U<br>Mileage: 12,897 mi</td><td class="pr">$24,317</td></tr><tr><td><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eee"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#5a5d61" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg></td><td><b>2017 Jeep Grand Cherokee Laredo</b><br>Color: Granite Crystal<br>Stock #LD11266U<br>Mileage: 34,454 mi</td><td class="pr">$31,712</td></tr><tr><td><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eee"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#7d1420" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg></td><td><b>2023 Toyota Highlander XLE</b><br>Color: Velvet Red<br>Stock #LD93079U<br>Mileage: 57,219 mi</td><td class="pr">$27,678</td></tr><tr><td><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eee"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#b9bcc0" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg></td><td><b>2019 Toyota RAV4 LE</b><br>Color: Silver Zynith<br>Stock #LD18186U<br>Mileage: 41,983 mi</td><td class="pr">$38,242</td></tr><tr><td><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eee"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#1d4f7a" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg></td><td><b>2021 Nissan Rogue SV</b><br>Color: Ocean Blue<br>Stock #LD47172U<br>Mileage: 29,881 mi</td><td class="pr">$25,804</td></tr><tr><td><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eee"/><path d="M14 58 L14 44 L70 44 L80 26 L118 26 L128 44 L186 44 L188 58 Z" fill="#5a5d61" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg></td><td><b>2021 Chevrolet Silverado 1500 LT</b><br>Color: Granite Crystal<br>Stock #LD68163U<br>Mileage: 33,891 mi</td><td class="pr">$16,229</td></tr></table>
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
