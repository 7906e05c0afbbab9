<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Specials | Prairie Wind Chrysler Dodge Jeep Ram in Wichita, KS</title>
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
<div class="page-head"><div class="container"><div class="breadcrumb"><a href="/prairie-wind-cdjr/">Home</a> / Specials</div><h1>Specials</h1></div></div><section class="block"><div class="container"><p>This month's offers on new Jeep models. See dealer for details.</p><div class="unit-grid">
  <article class="unit-card">
    <svg viewBox="0 0 200 80" class="car-art" aria-hidden="true"><rect x="0" y="0" width="200" height="80" fill="#eef1f5"/><path d="M20 55 L35 38 Q45 28 70 27 L125 27 Q145 28 158 40 L180 47 Q188 50 188 58 L188 62 L20 62 Z" fill="#1b365d"/><circle cx="55" cy="62" r="11" fill="#222"/><circle cx="150" cy="62" r="11" fill="#222"/><circle cx="55" cy="62" r="5" fill="#999"/><circle cx="150" cy="62" r="5" fill="#999"/><path d="M72 31 L120 31 L140 42 L62 42 Z" fill="#cfe3f3"/></svg>
    <div class="uc-body">
      <h3><a href="/prairie-wind-cdjr/searchnew.aspx">2025 Ram ProMaster</a></h3>
      <p class="uc-meta">Blueprint · Stock #PW99801</p>
      <p class="uc-price">$41,708</p>
      <a class="btn btn-outline" href="/prairie-wind-cdjr/searchnew.aspx">View Details</a>
    </div>
  </article>
  <article class="unit-card">
    <svg viewBox="0 0 200 80" class="car-art" aria-hidden="true"><rect x="0" y="0" width="200" height="80" fill="#eef1f5"/><path d="M20 55 L35 38 Q45 28 70 27 L125 27 Q145 28 158 40 L180 47 Q188 50 188 58 L188 62 L20 62 Z" fill="#1b365d"/><circle cx="55" cy="62" r="11" fill="#222"/><circle cx="150" cy="62" r="11" fill="#222"/><circle cx="55" cy="62" r="5" fill="#999"/><circle cx="150" cy="62" r="5" fill="#999"/><path d="M72 31 L120 31 L140 42 L62 42 Z" fill="#cfe3f3"/></svg>
    <div class="uc-body">
      <h3><a href="/prairie-wind-cdjr/searchnew.aspx">2025 Ram 1500</a></h3>
      <p class="uc-meta">Magnetic Gray · Stock #PW56129</p>
      <p class="uc-price">$26,420</p>
      <a class="btn btn-outline" href="/prairie-wind-cdjr/searchnew.aspx">View Details</a>
    </div>
  </article>
  <article class="unit-card">
    <svg viewBox="0 0 200 80" class="car-art" aria-hidden="true"><rect x="0" y="0" width="200" height="80" fill="#eef1f5"/><path d="M20 55 L35 38 Q45 28 70 27 L125 27 Q145 28 158 40 L180 47 Q188 50 188 58 L188 62 L20 62 Z" fill="#1b365d"/><circle cx="55" cy="62" r="11" fill="#222"/><circle cx="150" cy="62" r="11" fill="#222"/><circle cx="55" cy="62" r="5" fill="#999"/><circle cx="150" cy="62" r="5" fill="#999"/><path d="M72 31 L120 31 L140 42 L62 42 Z" fill="#cfe3f3"/></svg>
    <div class="uc-body">
      <h3><a href="/prairie-wind-cdjr/searchnew.aspx">2025 Jeep Grand Cherokee</a></h3>
      <p class="uc-meta">Midnight Black · Stock #PW62357</p>
      <p class="uc-price">$61,870</p>
      <a class="btn btn-outline" href="/prairie-wind-cdjr/searchnew.aspx">View Details</a>
    </div>
  </article></div></div></section>
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
