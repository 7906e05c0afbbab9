<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parts Department | Westbrook Chrysler Dodge Jeep Ram | Westbrook, ME</title>
<meta name="description" content="Westbrook Chrysler Dodge Jeep Ram in Westbrook, Maine serves Portland, Gorham and Windham with new Chrysler, Dodge, Jeep and Ram vehicles, used cars, service and parts.">
<link href="/westbrook-chrysler/App_Themes/Westbrook/styles.css" type="text/css" rel="stylesheet">
</head>
<body>
<form method="post" action="./parts.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTI10MzQ1Njc4OWRkZmB3d10xYzE=">
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
  <div id="nav"><ul><li><a href="/westbrook-chrysler/new-inventory.aspx">New Inventory</a></li><li><a href="/westbrook-chrysler/used-inventory.aspx">Used Inventory</a></li><li><a href="/westbrook-chrysler/specials.aspx">Specials</a></li><li><a href="/westbrook-chrysler/finance.aspx">Financing</a></li><li><a href="/westbrook-chrysler/service.aspx">Service</a></li><li class="on"><a href="/westbrook-chrysler/parts.aspx">Parts</a></li><li><a href="/westbrook-chrysler/about-us.aspx">About Us</a></li><li><a href="/westbrook-chrysler/contact-us.aspx">Contact Us</a></li></ul></div>
  <div id="content">
<div class="crumb"><a href="/westbrook-chrysler/">Home</a> &gt; Parts</div><h1>Genuine Mopar Parts</h1>
<p>Our parts counter stocks more than 6,000 Mopar parts and accessories, from wiper blades to Wrangler hard tops. Most special orders arrive in one to two business days. We ship anywhere in New England.</p>
<p>Parts counter: (207) 555-0143 &middot; Mon - Fri 7:00am - 5:30pm, Sat 8:00am - 12:00pm.</p>
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
