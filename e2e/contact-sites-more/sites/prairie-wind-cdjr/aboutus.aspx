<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>About Us | Prairie Wind Chrysler Dodge Jeep Ram in Wichita, KS</title>
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
<div class="page-head"><div class="container"><div class="breadcrumb"><a href="/prairie-wind-cdjr/">Home</a> / About Us</div><h1>About Us</h1></div></div><section class="block"><div class="container"><p>Prairie Wind Chrysler Dodge Jeep Ram is proud to serve Wichita.</p><p>Our dealership is located at 8200 E Kellogg Dr in Wichita, KS.</p></div></section>
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
