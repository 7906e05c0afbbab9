<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy | Fairhaven Buick</title>
<meta name="description" content="Fairhaven Buick on Huttleston Avenue in Fairhaven, Massachusetts, serving New Bedford and the South Coast with new Buick Enclave, Envision, Encore GX and Envista, pre-owned cars and GM service.">
<link rel="stylesheet" href="/fairhaven-buick/content/fhb.css">
</head>
<body>
<div class="topline">140 Huttleston Ave (Route 6), Fairhaven, MA 02719 &nbsp;|&nbsp; Sales (508) 555-0157 &nbsp;|&nbsp; Service (508) 555-0158</div>
<header class="masthead">
  <a class="crest" href="/fairhaven-buick/"><svg width="50" height="50" viewBox="0 0 50 50" aria-hidden="true"><circle cx="25" cy="25" r="23" fill="none" stroke="#c2a46b" stroke-width="2"/><path d="M12 30 L20 16 L26 26 L30 20 L38 30" stroke="#c2a46b" stroke-width="2" fill="none"/><path d="M10 34 Q25 40 40 34" stroke="#c2a46b" stroke-width="2" fill="none"/></svg><span class="crest-name">Fairhaven<em>Buick</em></span></a>
  <nav aria-label="Site navigation"><ul><li><a href="/fairhaven-buick/inventory/new.aspx">New Buick</a></li><li><a href="/fairhaven-buick/inventory/used.aspx">Pre-Owned</a></li><li><a href="/fairhaven-buick/service.aspx">Service</a></li><li><a href="/fairhaven-buick/parts.aspx">Parts</a></li><li><a href="/fairhaven-buick/about.aspx">About</a></li><li><a href="/fairhaven-buick/contact/">Contact Us</a></li></ul></nav>
</header>
<div class="content">
<h1>Privacy</h1><p>We use the information you send us only to respond to you.</p>
</div>
<footer class="footer">
  <div class="fcols"><div><h4>Fairhaven Buick</h4><p>140 Huttleston Ave<br>Fairhaven, MA 02719</p></div><div><h4>Telephone</h4><p>Sales (508) 555-0157<br>Service (508) 555-0158<br>Parts (508) 555-0159</p></div><div><h4>Hours</h4><p>Sales: Mon–Fri 9–7, Sat 9–5<br>Service: Mon–Fri 7:30–5, Sat 8–noon</p></div></div>
  <p class="fine">&copy; 2025 Fairhaven Buick, a South Coast Auto Group dealership. <a href="/fairhaven-buick/privacy.aspx">Privacy</a>. All prices exclude sales tax, registration and a $489 documentation fee.</p>
</footer>

</body>
</html>
