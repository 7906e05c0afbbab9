/**
 * The chat widget a site embeds: `<script src="<app>/chat/widget.js" data-workspace="<slug>" async>`.
 * Plain browser JavaScript kept as text (no framework, no build step, nothing of the app), so the
 * Worker serves it as written: a button that opens a panel in a shadow root (the page's styles do
 * not reach it, its styles do not leak), the conversation as a live log, a text box that sends on
 * Enter, errors in an alert line. The visitor id stays in localStorage; where the page may not use
 * storage (a sandboxed page has an opaque origin) it lasts as long as the page. The socket comes
 * back after a drop, waiting 1 s, 2 s, 4 s… up to 30 s, and shows the conversation again.
 */
export const WIDGET_SCRIPT = `(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.workspace) return;
  var slug = script.dataset.workspace;
  var origin = new URL(script.src).origin;
  var KEY = "rowpilot-chat-visitor";
  var MAX_CHARS = 2000;
  var RETRY_MAX_MS = 30000;

  function newId() {
    return (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now()).replace(/[^A-Za-z0-9_-]/g, "");
  }
  function visitorId() {
    try {
      var kept = localStorage.getItem(KEY);
      if (kept) return kept;
      var made = newId();
      localStorage.setItem(KEY, made);
      return made;
    } catch (e) {
      return newId();
    }
  }
  var visitor = visitorId();

  var css =
    ":host{all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483647;font:14px/1.4 system-ui,sans-serif;color:#111}" +
    "button{font:inherit;cursor:pointer;border-radius:999px;border:0;background:#2f5bea;color:#fff;padding:10px 16px;box-shadow:0 2px 8px rgba(0,0,0,.25)}" +
    "button:focus-visible,textarea:focus-visible{outline:3px solid #f5b400;outline-offset:2px}" +
    ".panel{display:flex;flex-direction:column;width:min(360px,calc(100vw - 32px));height:min(460px,calc(100vh - 96px));background:#fff;border:1px solid #ccd;border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.2);margin-bottom:8px;overflow:hidden}" +
    ".panel[hidden]{display:none}" +
    ".head{padding:10px 12px;font-weight:600;border-bottom:1px solid #e4e4ea}" +
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:6px}" +
    ".line{max-width:80%;padding:6px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}" +
    ".visitor{align-self:flex-end;background:#2f5bea;color:#fff}.team{align-self:flex-start;background:#eef0f5}" +
    ".empty{color:#666}.error{color:#b00020;padding:0 12px;min-height:1.4em}" +
    "form{display:flex;gap:8px;padding:8px 12px 12px;border-top:1px solid #e4e4ea}" +
    "textarea{flex:1;resize:none;font:inherit;padding:6px 8px;border:1px solid #aab;border-radius:8px;min-height:2.4em}" +
    ".row{display:flex;justify-content:flex-end}";

  var host = document.createElement("div");
  host.setAttribute("data-rowpilot-chat", "");
  var root = host.attachShadow({ mode: "open" });
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    var style = document.createElement("style");
    style.textContent = css;
    root.appendChild(style);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }
  var panel = el("section", { class: "panel", hidden: "", "aria-label": "Chat" });
  var head = el("div", { class: "head" }, "Chat with us");
  var log = el("div", { class: "log", role: "log", "aria-live": "polite", tabindex: "0" });
  var error = el("div", { class: "error", role: "alert" });
  var form = el("form", {});
  var box = el("textarea", { rows: "2", maxlength: String(MAX_CHARS), "aria-label": "Your message", placeholder: "Write a message" });
  var sendButton = el("button", { type: "submit" }, "Send");
  form.append(box, sendButton);
  panel.append(head, log, error, form);
  var toggle = el("button", { type: "button", "aria-expanded": "false", class: "toggle" }, "Chat");
  var row = el("div", { class: "row" });
  row.append(toggle);
  root.append(panel, row);

  function showLines(lines) {
    log.textContent = "";
    if (!lines.length) log.append(el("p", { class: "empty" }, "Ask us anything: a person answers here."));
    lines.forEach(addLine);
  }
  function addLine(line) {
    var empty = log.querySelector(".empty");
    if (empty) empty.remove();
    var node = el("div", { class: "line " + (line.from === "visitor" ? "visitor" : "team") }, line.body);
    node.setAttribute("data-line", line.id);
    log.append(node);
    log.scrollTop = log.scrollHeight;
  }
  function open(show) {
    panel.hidden = !show;
    toggle.setAttribute("aria-expanded", String(show));
    toggle.textContent = show ? "Close chat" : "Chat";
    if (show) box.focus();
  }
  toggle.addEventListener("click", function () { open(panel.hidden); });
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { open(false); toggle.focus(); }
  });

  var socket = null;
  var retryMs = 1000;
  function connect() {
    var url = origin.replace(/^http/, "ws") + "/chat/socket/" + encodeURIComponent(slug) + "?visitor=" + encodeURIComponent(visitor);
    socket = new WebSocket(url);
    socket.addEventListener("open", function () { retryMs = 1000; error.textContent = ""; });
    socket.addEventListener("message", function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === "history") showLines(frame.lines);
      else if (frame.type === "line") addLine(frame.line);
      else if (frame.type === "error") error.textContent = frame.message;
    });
    socket.addEventListener("close", function () {
      socket = null;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    });
  }
  function submit() {
    var body = box.value.trim();
    if (!body) return;
    if (!socket || socket.readyState !== 1) { error.textContent = "Not connected yet: trying again in a moment."; return; }
    socket.send(JSON.stringify({ type: "message", body: body }));
    box.value = "";
    error.textContent = "";
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); submit(); }
  });

  showLines([]);
  (document.body || document.documentElement).appendChild(host);
  connect();
})();
`;
