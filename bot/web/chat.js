// The self-hosted Web Chat: talks to this server's own Direct Line endpoint through a client that
// recovers (directline-client.js), follows the bot's language, and shows the greeting before the
// Web Chat bundle has finished loading.
(function () {
  "use strict";
  var root = document.getElementById("webchat");
  var prechat = document.getElementById("prechat");
  var limitNote = document.getElementById("limit");
  var statusNote = document.getElementById("status");
  var MAX_TEXT = Number(root.getAttribute("data-max-text")) || 1000;
  var state = { locale: "fi-FI", dir: "ltr", lang: "fi", chosen: false, plain: false };
  var strings = {};
  var webChatStrings = {};
  var rendered = false;
  var cache = {};

  function load(lang, ns) {
    var key = lang + "/" + ns;
    if (!cache[key]) {
      cache[key] = fetch("/i18n/" + encodeURIComponent(lang) + "/" + ns).then(function (r) { return r.ok ? r.json() : {}; }, function () { return {}; });
    }
    return cache[key];
  }
  function fill(text, values) {
    return String(text || "").replace(/\{\{(\w+)\}\}/g, function (_, k) { return values[k] === undefined ? "" : String(values[k]); });
  }

  function applyPageStrings(s) {
    strings = s;
    if (s.pageTitle) document.title = s.pageTitle;
    if (s.subtitle) document.getElementById("subtitle").textContent = s.subtitle;
    if (s.chatHeading) document.getElementById("chat-heading").textContent = s.chatHeading;
    if (s.privacy) document.getElementById("privacy").textContent = s.privacy;
    var loading = document.getElementById("prechat-loading");
    if (loading && s.loading) loading.textContent = s.loading;
  }

  // One user id for the page's life, so re-rendering for a new language keeps the conversation.
  var userID = "user-" + Math.random().toString(36).slice(2);
  var directLine = window.ReittiDirectLine.create({
    domain: location.origin + "/v3/directline",
    userID: userID,
    // A replacement conversation keeps the language and says nothing more than the notice.
    join: function (resumed) {
      return resumed ? { lang: state.lang, chosen: state.chosen, plain: state.plain, resumed: true } : {};
    },
    onNewConversation: function () {
      return [{ type: "message", text: strings.newConversation || "", locale: state.locale }];
    },
    onTrouble: function (trouble) {
      statusNote.textContent = trouble ? strings.reconnecting || "" : "";
      statusNote.hidden = !trouble;
    }
  });

  // The greeting as plain text until Web Chat is ready; Web Chat then shows the same activity.
  directLine.activity$.subscribe(function (a) {
    if (a.type === "event" && a.name === "reitti.language" && a.value) {
      setTimeout(function () { switchLanguage(a.value); }, 0);
    } else if (!rendered && a.type === "message" && a.text && a.from && a.from.role === "bot" && prechat.hidden) {
      var p = document.createElement("p");
      p.className = "prechat__bubble";
      p.textContent = a.text;
      // Until Web Chat runs there is nowhere to type: say that it is on its way.
      var loading = document.createElement("p");
      loading.id = "prechat-loading";
      loading.className = "prechat__loading";
      loading.textContent = strings.loading || "";
      prechat.appendChild(p);
      prechat.appendChild(loading);
      prechat.hidden = false;
    }
  });
  load(state.lang, "web").then(applyPageStrings);
  directLine.connect();

  function showLimit(length, stressed) {
    if (length <= MAX_TEXT) {
      limitNote.hidden = true;
      limitNote.textContent = "";
      return;
    }
    limitNote.textContent = fill(strings.tooLong, { count: length, max: MAX_TEXT });
    limitNote.hidden = false;
    limitNote.classList.toggle("notice--stressed", !!stressed);
  }

  var store;
  function createStore() {
    return window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          // Counted as the server counts: trimmed, in UTF-16 units (as JavaScript and zod do).
          if (action.type === "WEB_CHAT/SET_SEND_BOX") showLimit(String(action.payload.text || "").trim().length, false);
          // Over the limit nothing is sent and the text stays, so it can be shortened.
          if (action.type === "WEB_CHAT/SUBMIT_SEND_BOX") {
            var length = String(api.getState().sendBoxValue || "").trim().length;
            if (length > MAX_TEXT) {
              showLimit(length, true);
              return undefined;
            }
          }
          return next(action);
        };
      };
    });
  }

  var styleOptions = {
    accent: "#005a9c",
    bubbleBackground: "#eef3f8",
    bubbleFromUserBackground: "#005a9c",
    bubbleFromUserTextColor: "#ffffff",
    suggestedActionLayout: "flow",
    suggestedActionHeight: "auto",
    sendBoxHeight: 48,
    hideUploadButton: true,
    botAvatarInitials: "R",
    rootHeight: "100%",
    // A long answer stops scrolling once its start reaches the top: the title stays in view.
    autoScrollSnapOnPage: true,
    autoScrollSnapOnPageOffset: 0
  };

  function render() {
    window.WebChat.renderWebChat({
      directLine: directLine, store: store, locale: state.locale, dir: state.dir,
      styleOptions: styleOptions, userID: userID, overrideLocalizedStrings: webChatStrings
    }, root);
    if (!rendered) {
      rendered = true;
      // Web Chat now shows the greeting itself; one copy on the page.
      prechat.remove();
    }
  }

  function switchLanguage(v) {
    if (v.lang === state.lang && v.dir === state.dir && !!v.plain === state.plain) return;
    state = { locale: v.locale, dir: v.dir, lang: v.lang, chosen: !!v.chosen || state.chosen, plain: !!v.plain };
    document.documentElement.lang = v.lang;
    document.documentElement.dir = v.dir;
    // Plain Finnish (selkosuomi) lays its own strings over Finnish ones.
    var plain = state.plain && v.lang === "fi" ? load("fi", "selko") : Promise.resolve({});
    Promise.all([load(v.lang, "web"), load(v.lang, "webchat"), plain]).then(function (r) {
      applyPageStrings(Object.assign({}, r[0], r[2].web));
      webChatStrings = Object.assign({}, r[1], r[2].webchat);
      if (rendered) render();
    });
  }

  function whenWebChat() {
    return new Promise(function (resolve) {
      if (window.WebChat) return resolve();
      document.getElementById("webchat-bundle").addEventListener("load", function () { resolve(); });
    });
  }

  Promise.all([whenWebChat(), load(state.lang, "webchat")]).then(function (r) {
    webChatStrings = r[1];
    store = createStore();
    render();
  });
})();
