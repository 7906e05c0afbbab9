<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hours &amp; Directions | Prairie Wind Chrysler Dodge Jeep Ram in Wichita, KS</title>
<meta name="description" content="Prairie Wind Chrysler Dodge Jeep Ram is a Jeep, Ram, Chrysler, Dodge dealership in Wichita, KS. Shop new and used vehicles, schedule service and order parts.">
<link rel="stylesheet" href="/prairie-wind-cdjr/assets/site.css">

</head>
<body class="">
<div class="utility-bar"><div class="container">
    <span>8200 E Kellogg Dr, Wichita, KS 67207</span>
    <span>Sales: <a href="tel:3165550199">(316) 555-0199</a></span>
    <span>Service: <a href="tel:3165550200">(316) 555-0200</a></span>
    <span>Parts: <a href="tel:3165550201">(316) 555-0201</a></span>
  </div></div>
<header class="masthead"><div class="container">
  <a class="logo" href="/prairie-wind-cdjr/"><span class="brand-badge">PW</span><span class="brand-name">Prairie Wind Chrysler Dodge Jeep Ram<small>Jeep · Ram · Chrysler · Dodge</small></span></a>
  <nav class="primary-menu" aria-label="Main"><ul><li><a href="/prairie-wind-cdjr/searchnew.aspx">New Vehicles</a></li><li><a href="/prairie-wind-cdjr/searchused.aspx">Used Vehicles</a></li><li><a href="/prairie-wind-cdjr/service.aspx">Service</a></li><li><a href="/prairie-wind-cdjr/parts.aspx">Parts</a></li><li><a href="/prairie-wind-cdjr/financing.aspx">Finance</a></li><li><a href="/prairie-wind-cdjr/hours-directions.aspx">Hours &amp; Directions</a></li></ul></nav>
  <div class="masthead-actions"><a class="btn" href="tel:3165550199">(316) 555-0199</a></div>
</div></header>
<main id="main">
<div class="page-head"><div class="container"><div class="breadcrumb"><a href="/prairie-wind-cdjr/">Home</a> / Hours &amp; Directions</div><h1>Hours &amp; Directions</h1></div></div><section class="block"><div class="container"><div class="split"><div><div class="dir-box"><h2>Get Directions</h2><form action="https://maps.example.com/maps/dir/" method="get" target="_blank" id="frmDirections">
<div class="field"><label for="saddr">Your starting address</label><input id="saddr" name="saddr" placeholder="Enter an address, city or ZIP" autocomplete="street-address"></div>
<input type="hidden" name="daddr" value="8200 E Kellogg Dr, Wichita, KS 67207"><button class="btn" type="submit">Get Directions</button></form></div><div class="panel"><h2>Send us a message</h2><p>Have a question before you visit? Our team replies within one business day.</p>
<form method="post" action="./hours-directions.aspx" id="form1">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkQzF0c2VydmVyLXN0YXRlLWJsb2I="><input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334"><input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAgAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"></div>
<div class="pair"><div class="field"><label for="ContentPlaceHolder1_txtFirstName">First Name <span class="req">*</span></label><input name="ctl00$ContentPlaceHolder1$txtFirstName" type="text" id="ContentPlaceHolder1_txtFirstName" required></div>
<div class="field"><label for="ContentPlaceHolder1_txtLastName">Last Name <span class="req">*</span></label><input name="ctl00$ContentPlaceHolder1$txtLastName" type="text" id="ContentPlaceHolder1_txtLastName" required></div></div>
<div class="pair"><div class="field"><label for="ContentPlaceHolder1_txtEmail">Email <span class="req">*</span></label><input name="ctl00$ContentPlaceHolder1$txtEmail" type="email" id="ContentPlaceHolder1_txtEmail" required></div>
<div class="field"><label for="ContentPlaceHolder1_txtPhone">Phone <span class="req">*</span></label><input name="ctl00$ContentPlaceHolder1$txtPhone" type="tel" id="ContentPlaceHolder1_txtPhone" required placeholder="(___) ___-____" pattern="\(\d{3}\) \d{3}-\d{4}" title="Please use the format (555) 555-5555"><span class="val" id="ContentPlaceHolder1_revPhone" style="visibility:hidden">Format: (555) 555-5555</span></div></div>
<div class="pair"><div class="field"><label for="ContentPlaceHolder1_ddlContactMethod">Preferred contact method <span class="req">*</span></label><select name="ctl00$ContentPlaceHolder1$ddlContactMethod" id="ContentPlaceHolder1_ddlContactMethod" required><option selected value="">-- Select --</option><option value="Email">Email</option><option value="Phone">Phone</option><option value="Text">Text</option></select></div>
<div class="field"><label for="ContentPlaceHolder1_txtVehicle">Vehicle of interest</label><input name="ctl00$ContentPlaceHolder1$txtVehicle" type="text" id="ContentPlaceHolder1_txtVehicle" placeholder="Year, make, model"></div></div>
<div class="field"><label for="ContentPlaceHolder1_txtComments">Message</label><textarea name="ctl00$ContentPlaceHolder1$txtComments" rows="5" id="ContentPlaceHolder1_txtComments"></textarea></div>
<input type="submit" name="ctl00$ContentPlaceHolder1$btnSend" value="Send Message" id="ContentPlaceHolder1_btnSend" class="btn"></form></div></div><div class="visit-col"><h2>Dealership Hours</h2>
  <p><strong>Prairie Wind Chrysler Dodge Jeep Ram</strong><br>8200 E Kellogg Dr<br>Wichita, KS 67207</p>
  <p>Sales: <a href="tel:3165550199">(316) 555-0199</a><br>
  Service: <a href="tel:3165550200">(316) 555-0200</a><br>Parts: <a href="tel:3165550201">(316) 555-0201</a></p>
  <table class="hours"><tr><td><strong>Sales</strong></td><td>Mon–Sat 8:30 AM – 7:30 PM<br>Sun 11:00 AM – 4:00 PM<br>Sun Closed</td></tr><tr><td><strong>Service</strong></td><td>Mon–Fri 7:00 AM – 6:00 PM<br>Sat 8:00 AM – 4:00 PM<br>Sun Closed</td></tr><tr><td><strong>Parts</strong></td><td>Mon–Fri 7:30 AM – 6:00 PM<br>Sat 8:00 AM – 3:00 PM<br>Sun Closed</td></tr></table>
  <div class="map" style="margin-top:16px">Map: 8200 E Kellogg Dr, Wichita</div>
  </div></div></div></section>
</main>
<footer class="page-footer"><div class="container">
  <div class="cols">
    <div><h4>Prairie Wind Chrysler Dodge Jeep Ram</h4><p>8200 E Kellogg Dr<br>Wichita, KS 67207</p>
      <p>Sales: (316) 555-0199<br>Service: (316) 555-0200<br>Parts: (316) 555-0201</p></div>
    <div><h4>Hours</h4><table class="hours"><tr><td><strong>Sales</strong></td><td>Mon–Sat 8:30 AM – 7:30 PM<br>Sun 11:00 AM – 4:00 PM<br>Sun Closed</td></tr><tr><td><strong>Service</strong></td><td>Mon–Fri 7:00 AM – 6:00 PM<br>Sat 8:00 AM – 4:00 PM<br>Sun Closed</td></tr><tr><td><strong>Parts</strong></td><td>Mon–Fri 7:30 AM – 6:00 PM<br>Sat 8:00 AM – 3:00 PM<br>Sun Closed</td></tr></table></div>
    <div><h4>Shop</h4><ul><li><a href="/prairie-wind-cdjr/searchnew.aspx">New Vehicles</a></li><li><a href="/prairie-wind-cdjr/searchused.aspx">Used Vehicles</a></li><li><a href="/prairie-wind-cdjr/service.aspx">Service</a></li><li><a href="/prairie-wind-cdjr/parts.aspx">Parts</a></li><li><a href="/prairie-wind-cdjr/financing.aspx">Finance</a></li><li><a href="/prairie-wind-cdjr/aboutus.aspx">About Us</a></li><li><a href="/prairie-wind-cdjr/hours-directions.aspx">Hours &amp; Directions</a></li></ul></div>
    <div><h4>Our Story</h4><p>Prairie Wind Chrysler Dodge Jeep Ram is locally owned and has sold and serviced vehicles in Wichita for over thirty years.</p></div>
  </div>
  <div class="legal">© 2025 Prairie Wind Chrysler Dodge Jeep Ram. All rights reserved. Prices exclude tax, title, license and dealer fees. <a href="/prairie-wind-cdjr/privacy-policy/">Privacy Policy</a></div>
</div></footer>


</body>
</html>
