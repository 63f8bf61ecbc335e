// Tremplin apps in the browser: language, loading messages, a way back, labels, idle return.
(function () {
  const settings = window.TREMPLIN;
  const asked = new URLSearchParams(location.search).get("lang") || settings.lang;
  const lang = asked.toLowerCase().startsWith("en") ? "en" : "fr";
  const text = settings.texts[lang];
  document.documentElement.lang = lang;
  document.title = text.title;

  // Voilà's own loading messages, in the visitor's language.
  window.update_loading_text = function (cellIndex, cellCount) {
    const el = document.getElementById("loading_text");
    if (el) { el.textContent = text.step.replace("{i}", cellIndex).replace("{n}", cellCount); }
  };
  const loading = document.getElementById("loading_text");
  if (loading) { loading.textContent = text.loading; }

  const launcher = settings.base + "?lang=" + lang;
  function addWayBack() {
    if (document.querySelector(".tremplin-back")) { return; }
    const nav = document.createElement("nav");
    nav.className = "tremplin-nav";
    nav.setAttribute("aria-label", text.nav);
    const link = document.createElement("a");
    link.className = "tremplin-back";
    link.href = launcher;
    link.textContent = "← " + text.back;
    nav.appendChild(link);
    document.body.insertBefore(nav, document.body.firstChild);
  }

  // Stock widgets that screen readers cannot name: give them the name a sighted visitor reads.
  function labelWidgets(root) {
    root.querySelectorAll(".widget-slider, .widget-hslider, .widget-vslider").forEach((box) => {
      const label = box.querySelector(".widget-label");
      const name = (label && label.textContent.trim()) || box.getAttribute("title") || text.slider;
      box.querySelectorAll("[role=slider], .noUi-handle, input[type=range]").forEach((h) => {
        if (!h.getAttribute("aria-label")) { h.setAttribute("aria-label", name); }
      });
    });
    root.querySelectorAll(".widget-radio, .widget-toggle-buttons").forEach((box) => {
      const label = box.querySelector(":scope > .widget-label");
      const group = box.querySelector(".widget-radio-box, .widget-toggle-buttons > div") || box;
      group.setAttribute("role", box.classList.contains("widget-radio") ? "radiogroup" : "group");
      if (label && label.textContent.trim()) { group.setAttribute("aria-label", label.textContent.trim()); }
    });
    root.querySelectorAll("button").forEach((b) => {
      if (!b.textContent.trim() && !b.getAttribute("aria-label") && b.title) {
        b.setAttribute("aria-label", b.title);
      }
    });
    root.querySelectorAll(".jp-OutputArea-output img:not([alt])").forEach((img) => {
      img.setAttribute("alt", text.picture);
    });
  }

  // Kiosk: back to the launcher when nobody has touched the page for a while.
  // The clock starts once the app is on screen: a page still loading on a busy server must not
  // go back before its visitor has even seen it.
  function watchIdle() {
    if (!settings.idle) { return; }
    let timer = null;
    let shown = false;
    const restart = () => {
      if (!shown) { return; }
      clearTimeout(timer);
      timer = setTimeout(() => { location.href = launcher; }, settings.idle * 1000);
    };
    ["pointerdown", "keydown", "touchstart", "input", "wheel"].forEach((name) =>
      document.addEventListener(name, restart, { passive: true, capture: true }));
    const start = () => {
      shown = document.querySelector(".tremplin-app") !== null;
      restart();
      return shown;
    };
    if (!start()) {
      const watcher = new MutationObserver(() => { if (start()) { watcher.disconnect(); } });
      watcher.observe(document.body, { childList: true, subtree: true });
    }
  }

  // The app's own language buttons: the page's language follows, for screen readers.
  document.addEventListener("click", (event) => {
    const button = event.target.closest(".tremplin-lang-fr, .tremplin-lang-en");
    if (button) {
      const picked = button.classList.contains("tremplin-lang-en") ? "en" : "fr";
      document.documentElement.lang = picked;
      const back = document.querySelector(".tremplin-back");
      if (back) {
        back.href = settings.base + "?lang=" + picked;
        back.textContent = "← " + settings.texts[picked].back;
      }
    }
  }, true);

  document.addEventListener("DOMContentLoaded", () => {
    addWayBack();
    labelWidgets(document);
    new MutationObserver(() => labelWidgets(document)).observe(document.body,
      { childList: true, subtree: true });
    watchIdle();
  });
})();
