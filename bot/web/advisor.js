// Reitti for advisors: search the catalogue, see who delivers, refers and decides, copy guidance.
// Plain DOM, no framework. API text only ever goes through textContent, never innerHTML.
(function () {
  "use strict";

  var PAGE_LANGS = ["fi", "sv", "en"];
  var RTL = { ar: true, fa: true };
  var COLUMNS = ["service", "delivery", "channel", "refers", "decides", "staysWith", "cost", "sections", "copy"];
  var GROUPS = [
    { key: "local", values: ["local"] },
    { key: "centralized", values: ["centralized"] },
    { key: "purchased", values: ["purchased"] },
    { key: "other", values: ["state", "partner", "other-area"] }
  ];
  var DEBOUNCE_MS = 150;
  var STORE_KEY = "reitti.advisor.lang";

  function $(id) { return document.getElementById(id); }
  var el = {
    form: $("controls"),
    q: $("q"),
    municipality: $("municipality"),
    client: $("client"),
    delivery: $("delivery"),
    customerLang: $("customer-lang"),
    pageLang: $("page-lang"),
    printButton: $("print-button"),
    results: $("results"),
    count: $("count"),
    table: $("result-table"),
    body: $("result-body"),
    printView: $("print-view"),
    printHeading: $("print-heading"),
    printMeta: $("print-meta"),
    printGroups: $("print-groups"),
    closePrint: $("close-print"),
    copyPanel: $("copy-panel"),
    copyMessage: $("copy-message"),
    copyText: $("copy-text"),
    copyClose: $("copy-close")
  };

  var state = {
    lang: "fi",
    strings: {},
    sections: new Map(),
    timer: 0,
    search: null,      // AbortController of the running search
    copy: null,        // AbortController of the running guidance fetch
    printOpen: false
  };
  var cache = { strings: {}, sections: {}, catalogue: {} };

  // ---- strings -------------------------------------------------------------------------------

  function lookup(key) {
    return key.split(".").reduce(function (o, k) {
      return o && typeof o === "object" ? o[k] : undefined;
    }, state.strings);
  }
  function t(key, vars) {
    var v = lookup(key);
    if (typeof v !== "string") return "";
    return v.replace(/\{\{(\w+)\}\}/g, function (_m, name) {
      return vars && vars[name] !== undefined ? String(vars[name]) : "";
    });
  }
  function applyStrings() {
    var nodes = document.querySelectorAll("[data-i18n]");
    for (var i = 0; i < nodes.length; i++) {
      var v = lookup(nodes[i].getAttribute("data-i18n"));
      if (typeof v === "string") nodes[i].textContent = v;
    }
  }

  // ---- data ----------------------------------------------------------------------------------

  function apiUrl(path, params) {
    var qs = new URLSearchParams();
    Object.keys(params).forEach(function (k) {
      if (params[k]) qs.set(k, params[k]);
    });
    var s = qs.toString();
    return s ? path + "?" + s : path;
  }
  function getJSON(url, signal) {
    return fetch(url, { signal: signal, headers: { accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status + " for " + url);
      return r.json();
    });
  }
  /** A cached promise; a failure is forgotten so the next call tries again. */
  function cached(store, key, load) {
    if (!store[key]) {
      store[key] = load().catch(function (e) {
        delete store[key];
        throw e;
      });
    }
    return store[key];
  }
  function loadStrings(lang) {
    return cached(cache.strings, lang, function () { return getJSON("/i18n/" + lang + "/advisor"); });
  }
  function loadSections(lang) {
    return cached(cache.sections, lang, function () {
      return getJSON(apiUrl("/api/sections", { lang: lang })).then(function (d) {
        var m = new Map();
        d.sections.forEach(function (s) { m.set(String(s.id), s); });
        return m;
      });
    });
  }
  /** The whole catalogue in the page's language for one municipality: search hits are shown from it. */
  function loadCatalogue(lang, municipality) {
    return cached(cache.catalogue, lang + "|" + municipality, function () {
      return getJSON(apiUrl("/api/services", { lang: lang, municipality: municipality })).then(function (d) {
        return d.services;
      });
    });
  }

  function filters() {
    return {
      q: el.q.value.trim(),
      municipality: el.municipality.value,
      delivery: el.delivery.value,
      client: el.client.value
    };
  }

  // ---- search --------------------------------------------------------------------------------

  function scheduleSearch() {
    clearTimeout(state.timer);
    state.timer = setTimeout(runSearch, DEBOUNCE_MS);
  }

  function runSearch() {
    clearTimeout(state.timer);
    // A new search makes the last copied text stale: take its panel away.
    if (!el.copyPanel.hidden) closeCopy();
    if (state.search) state.search.abort();
    var ctrl = new AbortController();
    state.search = ctrl;
    var f = filters();
    var lang = state.lang;
    el.results.setAttribute("aria-busy", "true");
    var list;
    if (f.q) {
      // No lang: the server reads the query in whatever language it is written in (12 of them);
      // the rows are then shown from the catalogue in the page's language, in the server's order.
      list = Promise.all([
        getJSON(apiUrl("/api/services", { q: f.q, municipality: f.municipality, delivery: f.delivery, client: f.client }), ctrl.signal),
        loadCatalogue(lang, f.municipality)
      ]).then(function (r) {
        var byId = new Map(r[1].map(function (s) { return [s.id, s]; }));
        return r[0].services.map(function (s) { return byId.get(s.id) || s; });
      });
    } else {
      list = getJSON(apiUrl("/api/services", { lang: lang, municipality: f.municipality, delivery: f.delivery, client: f.client }), ctrl.signal)
        .then(function (d) { return d.services; });
    }
    return Promise.all([list, loadSections(lang)]).then(function (r) {
      if (state.search !== ctrl) return;
      state.sections = r[1];
      renderResults(r[0]);
    }).catch(function (e) {
      if (e && e.name === "AbortError") return;
      if (state.search !== ctrl) return;
      el.table.hidden = true;
      el.count.textContent = t("error");
      el.count.classList.add("error");
    }).finally(function () {
      if (state.search === ctrl) el.results.removeAttribute("aria-busy");
    });
  }

  function renderResults(services) {
    el.count.classList.remove("error");
    var rows = services.map(function (s) { return buildRow(s, true); });
    el.body.replaceChildren.apply(el.body, rows);
    el.table.hidden = services.length === 0;
    el.count.textContent = services.length === 0
      ? t("empty")
      : t(services.length === 1 ? "countOne" : "countOther", { n: services.length });
  }

  // ---- one row -------------------------------------------------------------------------------

  function node(tag, className, text) {
    var n = document.createElement(tag);
    if (className) n.className = className;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }

  /** The label a stacked card shows before each value; the column header still names the cell. */
  function cell(tr, column, tag) {
    var c = document.createElement(tag || "td");
    c.className = "c-" + column;
    var label = node("span", "cell-label", t("col." + column));
    label.setAttribute("aria-hidden", "true");
    c.appendChild(label);
    var value = node("div", "cell-value");
    c.appendChild(value);
    tr.appendChild(c);
    return value;
  }

  /** Long Finnish compounds may wrap inside a compound (aiheuttamis|periaatteella): <wbr>, not a soft hyphen, so the text stays the same. */
  function breakable(text) {
    var span = node("span");
    text.split(/(?=periaat)/).forEach(function (part, i) {
      if (i > 0) span.appendChild(document.createElement("wbr"));
      span.appendChild(document.createTextNode(part));
    });
    return span;
  }

  /** "Pay subsidy (in Finnish: Palkkatuki)" → ["Pay subsidy", "Palkkatuki"]; a Finnish title → [title, ""]. */
  function splitTitle(s) {
    var title = s.title || "";
    var fi = s.titleFi || "";
    if (!fi || title === fi) return [title, ""];
    var tail = ": " + fi + ")";
    if (title.slice(-tail.length) === tail) {
      var head = title.slice(0, -tail.length);
      var open = head.lastIndexOf(" (");
      if (open > 0) return [head.slice(0, open), fi];
    }
    return [title, fi];
  }

  function list(values) {
    if (!values || values.length === 0) {
      var dash = node("span", "none", t("nobody"));
      dash.setAttribute("aria-hidden", "true");
      return dash;
    }
    if (values.length === 1) return node("span", null, values[0]);
    var ul = node("ul", "plain");
    values.forEach(function (v) { ul.appendChild(node("li", null, v)); });
    return ul;
  }

  function buildRow(s, withCopy) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-id", s.id);

    // service: title, the Finnish name when it differs, and any change since the plan
    var th = cell(tr, "service", "th");
    th.parentNode.setAttribute("scope", "row");
    var parts = splitTitle(s);
    th.appendChild(node("span", "title", parts[0]));
    if (parts[1]) {
      var fi = node("span", "fi-name");
      fi.appendChild(document.createTextNode(t("finnishName") + ": "));
      var fiText = node("span", null, parts[1]);
      fiText.lang = "fi";
      fi.appendChild(fiText);
      th.appendChild(fi);
    }
    if (s.changedSincePlan) {
      var note = node("p", "note");
      note.appendChild(node("strong", null, t("note") + " "));
      note.appendChild(document.createTextNode(s.changedSincePlan));
      th.appendChild(note);
    }

    // delivery
    var d = cell(tr, "delivery");
    var tags = node("ul", "tags");
    (s.delivery || []).forEach(function (v) {
      var li = node("li", "tag tag-" + v, t("delivery." + v) || v);
      tags.appendChild(li);
    });
    d.appendChild(tags);

    // channel for the chosen municipality
    var ch = cell(tr, "channel");
    ch.appendChild(node("span", "channel-name", s.channel && s.channel.name));
    if ((s.needs || []).indexOf("municipality") >= 0) ch.appendChild(node("p", "needs", t("chooseMunicipality")));
    if (s.alternatives && s.alternatives.length) {
      ch.appendChild(node("p", "alt", t("also") + " " + s.alternatives.map(function (a) { return a.name; }).join("; ")));
    }

    ["refers", "decides", "staysWith"].forEach(function (k) {
      cell(tr, k).appendChild(list(s[k]));
    });

    var cost = cell(tr, "cost");
    if (s.cost) cost.appendChild(breakable(t("cost." + s.cost) || s.cost));
    else cost.parentNode.classList.add("empty");

    // plan sections: id and title, the summary behind a disclosure
    var sec = cell(tr, "sections");
    (s.sections || []).forEach(function (id) {
      var info = state.sections.get(String(id));
      if (!info) {
        sec.appendChild(node("p", "section", id));
        return;
      }
      var det = node("details", "section");
      var sum = node("summary");
      sum.appendChild(node("strong", null, id));
      sum.appendChild(document.createTextNode(" " + info.title));
      det.appendChild(sum);
      det.appendChild(node("p", null, info.summary));
      sec.appendChild(det);
    });

    if (withCopy) {
      var cp = cell(tr, "copy");
      var b = node("button", "copy", t("copy"));
      b.type = "button";
      b.setAttribute("data-id", s.id);
      b.setAttribute("aria-label", t("copyFor", { title: parts[0] }));
      cp.appendChild(b);
    }
    return tr;
  }

  // ---- copy guidance -------------------------------------------------------------------------

  function customerLangName() {
    var o = el.customerLang.options[el.customerLang.selectedIndex];
    return o ? o.textContent : el.customerLang.value;
  }

  function showCopy(message, text, lang) {
    el.copyPanel.hidden = false;
    el.copyMessage.textContent = message;
    el.copyText.textContent = text || "";
    el.copyText.hidden = !text;
    if (lang) {
      el.copyText.lang = lang;
      el.copyText.dir = RTL[lang] ? "rtl" : "ltr";
    }
    // The panel floats over the page's end: leave room to scroll the last rows above it.
    document.body.style.paddingBottom = el.copyPanel.offsetHeight + 24 + "px";
  }
  function closeCopy() {
    if (state.copy) state.copy.abort();
    state.copy = null;
    el.copyPanel.hidden = true;
    el.copyMessage.textContent = "";
    el.copyText.textContent = "";
    document.body.style.paddingBottom = "";
  }

  function fallbackCopy(text) {
    var active = document.activeElement;
    var ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.setAttribute("aria-hidden", "true");
    ta.tabIndex = -1;
    ta.className = "clipboard-helper";
    document.body.appendChild(ta);
    ta.select();
    ta.setSelectionRange(0, text.length);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(ta);
    if (active && typeof active.focus === "function") active.focus();
    return ok;
  }

  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function selectCopyText() {
    var range = document.createRange();
    range.selectNodeContents(el.copyText);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function copyGuidance(button) {
    var id = button.getAttribute("data-id");
    var lang = el.customerLang.value;
    var langName = customerLangName();
    if (state.copy) state.copy.abort();
    var ctrl = new AbortController();
    state.copy = ctrl;
    button.setAttribute("aria-busy", "true");
    showCopy(t("copying"), "");
    var url = apiUrl("/api/services/" + encodeURIComponent(id) + "/guidance", { lang: lang, municipality: el.municipality.value });
    getJSON(url, ctrl.signal).then(function (g) {
      return writeClipboard(g.text).then(function (ok) {
        if (state.copy !== ctrl) return;
        showCopy(ok ? t("copied", { lang: langName }) : t("copyFailed"), g.text, lang);
        if (!ok) selectCopyText();
      });
    }).catch(function (e) {
      if (e && e.name === "AbortError") return;
      showCopy(t("error"), "");
    }).finally(function () {
      button.removeAttribute("aria-busy");
    });
  }

  // ---- print view (LIITE 1 groups) -----------------------------------------------------------

  function buildGroupTable(group, services) {
    var wrap = node("section", "print-group");
    var hid = "group-" + group.key;
    var h = node("h3", null, t("groups." + group.key) + " (" + services.length + ")");
    h.id = hid;
    wrap.appendChild(h);
    var table = node("table", "services print-table");
    var cap = node("caption", "visually-hidden", t("groups." + group.key));
    table.appendChild(cap);
    var thead = document.createElement("thead");
    var hr = document.createElement("tr");
    COLUMNS.slice(0, -1).forEach(function (c) {
      var th = node("th", null, t("col." + c));
      th.setAttribute("scope", "col");
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    table.appendChild(thead);
    var tbody = document.createElement("tbody");
    services.forEach(function (s) { tbody.appendChild(buildRow(s, false)); });
    table.appendChild(tbody);
    wrap.appendChild(table);
    return wrap;
  }

  function renderPrint(services) {
    var m = el.municipality.value;
    var place = m ? t("printMunicipality", { name: t("municipalities." + m) }) : t("printAll");
    var date = new Date().toLocaleDateString(state.lang === "en" ? "en-GB" : state.lang + "-FI");
    el.printMeta.textContent = place + " · " + t("printDate", { date: date });
    var groups = GROUPS.map(function (g) {
      var members = services.filter(function (s) {
        return (s.delivery || []).some(function (v) { return g.values.indexOf(v) >= 0; });
      });
      return buildGroupTable(g, members);
    });
    el.printGroups.replaceChildren.apply(el.printGroups, groups);
  }

  function loadPrint() {
    return Promise.all([
      getJSON(apiUrl("/api/services", { lang: state.lang, municipality: el.municipality.value })),
      loadSections(state.lang)
    ]).then(function (r) {
      state.sections = r[1];
      renderPrint(r[0].services);
    });
  }

  function openPrint() {
    return loadPrint().then(function () {
      state.printOpen = true;
      el.results.hidden = true;
      el.printView.hidden = false;
      document.body.classList.add("printing");
      el.printHeading.focus();
      window.print();
    }).catch(function () {
      el.count.textContent = t("error");
    });
  }

  function closePrint() {
    state.printOpen = false;
    el.printView.hidden = true;
    el.results.hidden = false;
    document.body.classList.remove("printing");
    el.printButton.focus();
  }

  // ---- language ------------------------------------------------------------------------------

  function setPageLang(lang) {
    if (PAGE_LANGS.indexOf(lang) < 0) lang = "fi";
    return loadStrings(lang).then(function (s) {
      state.lang = lang;
      state.strings = s;
      document.documentElement.lang = lang;
      el.pageLang.value = lang;
      applyStrings();
      try { localStorage.setItem(STORE_KEY, lang); } catch (e) { /* storage off */ }
    });
  }

  function initialLang() {
    var fromUrl = new URLSearchParams(location.search).get("lang");
    if (fromUrl && PAGE_LANGS.indexOf(fromUrl) >= 0) return fromUrl;
    try {
      var stored = localStorage.getItem(STORE_KEY);
      if (stored && PAGE_LANGS.indexOf(stored) >= 0) return stored;
    } catch (e) { /* storage off */ }
    return "fi";
  }

  // ---- events --------------------------------------------------------------------------------

  el.form.addEventListener("submit", function (e) {
    e.preventDefault();
    runSearch();
  });
  el.q.addEventListener("input", scheduleSearch);
  [el.municipality, el.client, el.delivery].forEach(function (s) {
    s.addEventListener("change", function () {
      runSearch();
      if (state.printOpen) loadPrint();
    });
  });
  el.pageLang.addEventListener("change", function () {
    setPageLang(el.pageLang.value).then(function () {
      runSearch();
      if (state.printOpen) loadPrint();
    });
  });
  el.body.addEventListener("click", function (e) {
    var b = e.target instanceof Element ? e.target.closest("button.copy") : null;
    if (b) copyGuidance(b);
  });
  el.printButton.addEventListener("click", openPrint);
  el.closePrint.addEventListener("click", closePrint);
  el.copyClose.addEventListener("click", function () {
    closeCopy();
    el.q.focus();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      // The copied text first, then the print view; in the search box Escape also clears it (native).
      if (!el.copyPanel.hidden) closeCopy();
      else if (state.printOpen) closePrint();
      return;
    }
    // "/" jumps to the search box from anywhere but a text field.
    if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var tag = document.activeElement ? document.activeElement.tagName : "";
      if (tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT") {
        e.preventDefault();
        el.q.focus();
        el.q.select();
      }
    }
  });

  // ---- start ---------------------------------------------------------------------------------

  el.q.focus();
  setPageLang(initialLang()).catch(function () { /* the Finnish text in the HTML stays */ }).then(function () {
    return runSearch();
  });
})();
