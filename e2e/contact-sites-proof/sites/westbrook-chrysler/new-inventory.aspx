<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>New Inventory | Westbrook Chrysler Dodge Jeep Ram | Westbrook, ME</title>
<meta name="description" content="Westbrook Chrysler Dodge Jeep Ram in Westbrook, Maine serves Portland, Gorham and Windham with new Chrysler, Dodge, Jeep and Ram vehicles, used cars, service and parts.">
<link href="/westbrook-chrysler/App_Themes/Westbrook/styles.css" type="text/css" rel="stylesheet">
</head>
<body>
<form method="post" action="./new-inventory.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTI18MzQ1Njc4OWRkZmB3d18xYzE=">
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
  <div id="nav"><ul><li class="on"><a href="/westbrook-chrysler/new-inventory.aspx">New Inventory</a></li><li><a href="/westbrook-chrysler/used-inventory.aspx">Used Inventory</a></li><li><a href="/westbrook-chrysler/specials.aspx">Specials</a></li><li><a href="/westbrook-chrysler/finance.aspx">Financing</a></li><li><a href="/westbrook-chrysler/service.aspx">Service</a></li><li><a href="/westbrook-chrysler/parts.aspx">Parts</a></li><li><a href="/westbrook-chrysler/about-us.aspx">About Us</a></li><li><a href="/westbrook-chrysler/contact-us.aspx">Contact Us</a></li></ul></div>
  <div id="content">
<div class="crumb"><a href="/westbrook-chrysler/">Home</a> &gt; New Inventory</div><h1>New Chrysler, Dodge, Jeep &amp; Ram Inventory</h1>
<p>Showing 16 of 148 new vehicles. Use the search box above to find a specific model or stock number.</p>
<div class="grid"><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#1d4f7a" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Chrysler Pacifica Premium</a></h3>
<div class="meta">Ocean Blue · Stock# W40610</div>
<div class="price">$40,886</div><div class="meta">MSRP $42,760</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f4f4f2" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Jeep Grand Cherokee XLE</a></h3>
<div class="meta">Bright White · Stock# W71706</div>
<div class="price">$58,369</div><div class="meta">MSRP $62,200</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#c7b08a" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Jeep Wrangler SE</a></h3>
<div class="meta">Sandstorm · Stock# W38985</div>
<div class="price">$48,247</div><div class="meta">MSRP $49,412</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M14 58 L14 44 L70 44 L80 26 L118 26 L128 44 L186 44 L188 58 Z" fill="#f4f4f2" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Ram 1500 Premium</a></h3>
<div class="meta">Bright White · Stock# W75008</div>
<div class="price">$32,769</div><div class="meta">MSRP $34,996</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#b9bcc0" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Dodge Durango XLE</a></h3>
<div class="meta">Silver Zynith · Stock# W63415</div>
<div class="price">$67,468</div><div class="meta">MSRP $69,627</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#2f4a33" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Chrysler Voyager Platinum</a></h3>
<div class="meta">Forest Green · Stock# W46312</div>
<div class="price">$25,019</div><div class="meta">MSRP $28,191</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#b9bcc0" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2026 Jeep Compass Touring</a></h3>
<div class="meta">Silver Zynith · Stock# W82738</div>
<div class="price">$67,807</div><div class="meta">MSRP $70,247</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#5a5d61" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Dodge Hornet Sport</a></h3>
<div class="meta">Granite Crystal · Stock# W83694</div>
<div class="price">$23,690</div><div class="meta">MSRP $26,078</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f7f7f5" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Chrysler Pacifica Premium</a></h3>
<div class="meta">Summit White · Stock# W89796</div>
<div class="price">$50,857</div><div class="meta">MSRP $52,013</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#f7f7f5" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Jeep Grand Cherokee Base</a></h3>
<div class="meta">Summit White · Stock# W97757</div>
<div class="price">$63,756</div><div class="meta">MSRP $66,551</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#1d4f7a" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2026 Jeep Wrangler Base</a></h3>
<div class="meta">Ocean Blue · Stock# W17022</div>
<div class="price">$43,046</div><div class="meta">MSRP $46,446</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M14 58 L14 44 L70 44 L80 26 L118 26 L128 44 L186 44 L188 58 Z" fill="#c7b08a" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Ram 1500 XLE</a></h3>
<div class="meta">Sandstorm · Stock# W60709</div>
<div class="price">$37,719</div><div class="meta">MSRP $40,817</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#2f4a33" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2026 Dodge Durango SEL</a></h3>
<div class="meta">Forest Green · Stock# W86897</div>
<div class="price">$61,851</div><div class="meta">MSRP $64,617</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#5a5d61" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Chrysler Voyager SE</a></h3>
<div class="meta">Granite Crystal · Stock# W96219</div>
<div class="price">$46,054</div><div class="meta">MSRP $47,831</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#c7b08a" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Jeep Compass Touring</a></h3>
<div class="meta">Sandstorm · Stock# W57831</div>
<div class="price">$36,218</div><div class="meta">MSRP $38,770</div></div></div><div class="veh"><svg viewBox="0 0 200 80" class="car-art" role="img" aria-label="Vehicle photo coming soon"><rect width="200" height="80" fill="#eef0f3"/><path d="M16 58 L22 36 Q26 26 44 25 L140 25 Q152 25 160 36 L182 42 Q188 45 188 54 L188 60 L16 60 Z" fill="#b9bcc0" stroke="#333" stroke-width="0.6"/><circle cx="52" cy="61" r="11" fill="#222"/><circle cx="150" cy="61" r="11" fill="#222"/><circle cx="52" cy="61" r="4.5" fill="#aaa"/><circle cx="150" cy="61" r="4.5" fill="#aaa"/></svg><div class="v-body"><h3><a href="/westbrook-chrysler/new-inventory.aspx">2025 Dodge Hornet Limited</a></h3>
<div class="meta">Silver Zynith · Stock# W86644</div>
<div class="price">$36,628</div><div class="meta">MSRP $37,323</div></div></div></div>
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
