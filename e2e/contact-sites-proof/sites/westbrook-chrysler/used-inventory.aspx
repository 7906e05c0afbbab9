<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Used Inventory | Westbrook Chrysler Dodge Jeep Ram | Westbrook, ME</title>
<meta name="description" content="Westbrook Chrysler Dodge Jeep Ram in Westbrook, Maine serves Portland, Gorham and Windham with new Chrysler, Dodge, Jeep and Ram vehicles, used cars, service and parts.">
<link href="/westbrook-chrysler/App_Themes/Westbrook/styles.css" type="text/css" rel="stylesheet">
</head>
<body>
<form method="post" action="./used-inventory.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTI19MzQ1Njc4OWRkZmB3d19xYzE=">
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
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334">
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAOq4bqmYh0xv1Zx0lT5aW8cAAAAAAAA">
</div>

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
  <div id="nav"><ul><li><a href="/westbrook-chrysler/new-inventory.aspx">New Inventory</a></li><li class="on"><a href="/westbrook-chrysler/used-inventory.aspx">Used Inventory</a></li><li><a href="/westbrook-chrysler/specials.aspx">Specials</a></li><li><a href="/westbrook-chrysler/finance.aspx">Financing</a></li><li><a href="/westbrook-chrysler/service.aspx">Service</a></li><li><a href="/westbrook-chrysler/parts.aspx">Parts</a></li><li><a href="/westbrook-chrysler/about-us.aspx">About Us</a></li><li><a href="/westbrook-chrysler/contact-us.aspx">Contact Us</a></li></ul></div>
  <div id="content">
<div class="crumb"><a href="/westbrook-chrysler/">Home</a> &gt; Used Inventory</div><h1>Pre-Owned Vehicles</h1>
<p>Every pre-owned vehicle gets a 125-point inspection, a fresh Maine state inspection sticker and a free CARFAX report.</p>
<div class="grid"><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f7f7f5" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2018 Toyota Highlander XLE </a></h3>
<div class="meta">Summit White · Stock# W63818U · 68,567 mi</div>
<div class="price">$18,854</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f4f4f2" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2017 Jeep Grand Cherokee Laredo </a></h3>
<div class="meta">Bright White · Stock# W79945U · 57,039 mi</div>
<div class="price">$27,790</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 56 L34 40 Q48 30 76 29 L120 29 Q142 31 156 41 L182 46 Q188 48 188 56 L188 60 L16 60 Z" fill="#5a5d61" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2022 Hyundai Elantra SEL </a></h3>
<div class="meta">Granite Crystal · Stock# W38447U · 21,503 mi</div>
<div class="price">$26,827</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M14 58 L14 44 L70 44 L80 26 L118 26 L128 44 L186 44 L188 58 Z" fill="#a3231f" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2018 Chevrolet Silverado 1500 LT </a></h3>
<div class="meta">Cayenne Red · Stock# W67014U · 20,181 mi</div>
<div class="price">$15,431</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#2f4a33" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2020 Hyundai Tucson SEL </a></h3>
<div class="meta">Forest Green · Stock# W22888U · 35,920 mi</div>
<div class="price">$15,316</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#7d1420" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2022 Honda CR-V EX </a></h3>
<div class="meta">Velvet Red · Stock# W73700U · 26,823 mi</div>
<div class="price">$14,337</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 56 L34 40 Q48 30 76 29 L120 29 Q142 31 156 41 L182 46 Q188 48 188 56 L188 60 L16 60 Z" fill="#5a5d61" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2023 Toyota Camry SE </a></h3>
<div class="meta">Granite Crystal · Stock# W57768U · 41,764 mi</div>
<div class="price">$22,455</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f4f4f2" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2020 Subaru Forester Sport </a></h3>
<div class="meta">Bright White · Stock# W21667U · 13,596 mi</div>
<div class="price">$21,395</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f7f7f5" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2017 Ford Edge SEL </a></h3>
<div class="meta">Summit White · Stock# W68149U · 18,572 mi</div>
<div class="price">$22,584</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f7f7f5" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2023 Chevrolet Traverse LT </a></h3>
<div class="meta">Summit White · Stock# W73538U · 71,344 mi</div>
<div class="price">$31,381</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#a3231f" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2021 Honda Pilot EX-L </a></h3>
<div class="meta">Cayenne Red · Stock# W11899U · 85,764 mi</div>
<div class="price">$39,131</div><div class="meta">Internet Price</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 56 L34 40 Q48 30 76 29 L120 29 Q142 31 156 41 L182 46 Q188 48 188 56 L188 60 L16 60 Z" fill="#1b1c1e" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/used-inventory.aspx">2023 Honda Civic LX </a></h3>
<div class="meta">Diamond Black · Stock# W76207U · 49,630 mi</div>
<div class="price">$16,367</div><div class="meta">Internet Price</div></div></div></div>
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
