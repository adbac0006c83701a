// The self-hosted Web Chat: talks to this server's own Direct Line endpoint, follows the bot's language.
(async function () {
  "use strict";
  var el = document.getElementById("webchat");
  var state = { locale: "fi-FI", dir: "ltr", lang: "fi" };

  async function strings(lang) {
    var r = await fetch("/i18n/" + encodeURIComponent(lang) + "/web");
    return r.ok ? r.json() : null;
  }
  async function applyPageStrings(lang) {
    var s = await strings(lang);
    if (!s) return;
    document.title = s.pageTitle;
    document.getElementById("subtitle").textContent = s.subtitle;
    document.getElementById("chat-heading").textContent = s.chatHeading;
    document.getElementById("privacy").textContent = s.privacy;
  }

  var res = await fetch("/v3/directline/tokens/generate", { method: "POST" });
  var token = (await res.json()).token;
  var directLine = window.WebChat.createDirectLine({
    token: token,
    domain: location.origin + "/v3/directline",
    webSocket: false,
    pollingInterval: 1000
  });

  var store = window.WebChat.createStore({}, function (api) {
    return function (next) {
      return function (action) {
        if (action.type === "DIRECT_LINE/CONNECT_FULFILLED") {
          api.dispatch({ type: "WEB_CHAT/SEND_EVENT", payload: { name: "webchat/join", value: {} } });
        }
        if (action.type === "DIRECT_LINE/INCOMING_ACTIVITY") {
          var a = action.payload.activity;
          if (a.type === "event" && a.name === "reitti.language" && a.value) {
            setTimeout(function () { switchLanguage(a.value); }, 0);
          }
        }
        return next(action);
      };
    };
  });

  var styleOptions = {
    accent: "#005a9c",
    bubbleBackground: "#eef3f8",
    bubbleFromUserBackground: "#005a9c",
    bubbleFromUserTextColor: "#ffffff",
    suggestedActionLayout: "flow",
    sendBoxHeight: 48,
    hideUploadButton: true,
    botAvatarInitials: "R",
    rootHeight: "100%"
  };

  // One user id for the page's life, so re-rendering for a new language keeps the conversation.
  var userID = "user-" + Math.random().toString(36).slice(2);
  function render() {
    window.WebChat.renderWebChat({
      directLine: directLine, store: store, locale: state.locale, dir: state.dir,
      styleOptions: styleOptions, userID: userID
    }, el);
  }

  function switchLanguage(v) {
    if (v.lang === state.lang && v.dir === state.dir) return;
    state = { locale: v.locale, dir: v.dir, lang: v.lang };
    document.documentElement.lang = v.lang;
    document.documentElement.dir = v.dir;
    render();
    applyPageStrings(v.lang);
  }

  render();
})();
