// A Direct Line 3.0 client for this server's own endpoint that does not give up: a failed poll is
// retried with backoff, the token is refreshed before it expires, and a conversation the server no
// longer knows (restart, expiry) is replaced by a new one. Web Chat takes it as its `directLine`.
(function () {
  "use strict";

  // Direct Line's connection states, as Web Chat reads them. This client stays "online" while it
  // retries: Web Chat drops messages typed while it believes it is reconnecting.
  var CONNECTING = 1, ONLINE = 2;
  // Tunables: the idle poll, the quick polls right after a send, the backoff after a failure.
  var IDLE_POLL_MS = 1000;
  var AFTER_SEND_POLLS_MS = [0, 150, 400, 800];
  var BACKOFF_MS = [300, 800, 2000, 4000, 8000];
  var SEND_ATTEMPTS = 5; // about 15 s in all, inside Web Chat's 20 s wait for the echo
  var REFRESH_AT = 0.75; // of the token's lifetime
  var MAX_REPLAY = 100;

  /** The smallest observable Web Chat needs: subscribe({ next, error, complete }) and unsubscribe. */
  function Subject(initial, replay, onSubscribe) {
    var observers = [];
    var value = initial;
    var history = [];
    return {
      next: function (v) {
        value = v;
        if (replay) {
          history.push(v);
          if (history.length > MAX_REPLAY) history.shift();
        }
        observers.slice().forEach(function (o) { o.next && o.next(v); });
      },
      getValue: function () { return value; },
      subscribe: function (o) {
        var observer = typeof o === "function" ? { next: o } : o;
        observers.push(observer);
        // Activities that arrived before Web Chat subscribed (the greeting, shown early) are
        // replayed; Web Chat keeps one copy per activity id.
        if (replay) history.forEach(function (v) { observer.next && observer.next(v); });
        else if (value !== undefined && observer.next) observer.next(value);
        if (onSubscribe) onSubscribe();
        return { unsubscribe: function () { observers = observers.filter(function (x) { return x !== observer; }); } };
      },
      get observed() { return observers.length > 0; }
    };
  }

  function once(run) {
    return {
      subscribe: function (o) {
        var observer = typeof o === "function" ? { next: o } : o;
        var live = true;
        run().then(function (v) {
          if (!live) return;
          observer.next && observer.next(v);
          observer.complete && observer.complete();
        }, function (e) {
          if (live && observer.error) observer.error(e);
        });
        return { unsubscribe: function () { live = false; } };
      }
    };
  }

  function HttpError(status) {
    this.status = status;
    this.message = "HTTP " + status;
  }
  var gone = function (e) { return e instanceof HttpError && (e.status === 403 || e.status === 404); };
  var wait = function (ms) { return new Promise(function (r) { setTimeout(r, ms); }); };

  /**
   * options: domain (…/v3/directline), userID, join(resumed) → the value of the webchat/join event,
   * onNewConversation() → activities to show when a conversation had to be replaced,
   * onTrouble(boolean) → the server has not answered for a while / answers again.
   */
  function createResilientDirectLine(options) {
    var domain = options.domain;
    var conv = null; // { id, token, watermark }
    var connectionStatus$ = Subject(0, false);
    // Web Chat waits for "online" after it subscribes to activities, as Direct Line JS sends it;
    // this client may be online already (it started before Web Chat loaded), so it says so again.
    var activity$ = Subject(undefined, true, function () {
      if (connectionStatus$.getValue() === ONLINE) setTimeout(function () { connectionStatus$.next(ONLINE); }, 0);
    });
    var pollTimer = null, refreshTimer = null, polling = false, again = false, failures = 0, burst = [];
    var starting = null, localSeq = 0;

    function request(method, path, body) {
      var headers = { "content-type": "application/json" };
      if (conv) headers.authorization = "Bearer " + conv.token;
      return fetch(domain + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
        .then(function (r) {
          if (!r.ok) throw new HttpError(r.status);
          return r.json();
        });
    }

    function scheduleRefresh(seconds) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(function () {
        request("POST", "/tokens/refresh").then(function (t) {
          conv.token = t.token;
          scheduleRefresh(t.expires_in);
        }, function (e) {
          if (gone(e)) replace(); else scheduleRefresh(30);
        });
      }, Math.max(5, seconds * REFRESH_AT) * 1000);
    }

    function join(resumed) {
      var value = options.join ? options.join(resumed) : {};
      return request("POST", "/conversations/" + encodeURIComponent(conv.id) + "/activities", {
        type: "event", name: "webchat/join", value: value, from: { id: options.userID }
      });
    }

    /** A new conversation: token, join, first poll. */
    function start(resumed) {
      if (starting) return starting;
      conv = null;
      starting = request("POST", "/tokens/generate").then(function (t) {
        conv = { id: t.conversationId, token: t.token, watermark: "" };
        scheduleRefresh(t.expires_in);
        return join(resumed);
      }).then(function () {
        starting = null;
        recovered();
        if (connectionStatus$.getValue() !== ONLINE) connectionStatus$.next(ONLINE);
        pollSoon();
      }, function (e) {
        starting = null;
        throw e;
      });
      return starting;
    }

    /** The old conversation is gone: say so in the chat, start a new one in the same language. */
    function replace() {
      if (starting) return starting;
      (options.onNewConversation ? options.onNewConversation() : []).forEach(function (a) {
        localSeq += 1;
        activity$.next(Object.assign({ id: "local-" + localSeq, timestamp: new Date().toISOString(), from: { id: "reitti", role: "bot" } }, a));
      });
      return start(true);
    }

    function schedule(ms) {
      clearTimeout(pollTimer);
      pollTimer = setTimeout(poll, ms);
    }
    function pollSoon() {
      burst = AFTER_SEND_POLLS_MS.slice(1);
      schedule(AFTER_SEND_POLLS_MS[0]);
    }

    function poll() {
      if (!conv || starting) return;
      // A poll asked for while one is on its way runs right after it: that one may predate a send.
      if (polling) {
        again = true;
        return;
      }
      polling = true;
      again = false;
      var path = "/conversations/" + encodeURIComponent(conv.id) + "/activities" + (conv.watermark ? "?watermark=" + encodeURIComponent(conv.watermark) : "");
      var asked = conv;
      request("GET", path).then(function (group) {
        polling = false;
        if (asked !== conv) return schedule(0);
        recovered();
        conv.watermark = group.watermark;
        (group.activities || []).forEach(function (a) { activity$.next(a); });
        schedule(again ? 0 : burst.length ? burst.shift() : IDLE_POLL_MS);
      }, function (e) {
        polling = false;
        if (gone(e)) {
          replace().catch(retryLater);
          return;
        }
        retryLater();
      });
    }

    function recovered() {
      if (failures >= 2 && options.onTrouble) options.onTrouble(false);
      failures = 0;
    }

    function retryLater() {
      failures += 1;
      // One lost poll is not worth a notice; a second in a row is.
      if (failures === 2 && options.onTrouble) options.onTrouble(true);
      var delay = BACKOFF_MS[Math.min(failures - 1, BACKOFF_MS.length - 1)];
      if (!conv) {
        clearTimeout(pollTimer);
        pollTimer = setTimeout(function () { start(true).catch(retryLater); }, delay);
      } else {
        schedule(delay);
      }
    }

    function retryNotice(attempt) {
      if (attempt === 1 && options.onTrouble) options.onTrouble(true);
    }

    function post(activity, attempt) {
      var ready = starting || (conv ? Promise.resolve() : start(true));
      return ready.then(function () {
        return request("POST", "/conversations/" + encodeURIComponent(conv.id) + "/activities", activity);
      }).then(function (r) {
        recovered();
        pollSoon();
        return r.id;
      }, function (e) {
        if (attempt >= SEND_ATTEMPTS - 1) throw e;
        if (!gone(e)) retryNotice(attempt);
        // The conversation is gone: the message goes to the new one. A network failure: try again.
        if (gone(e)) return replace().then(function () { return post(activity, attempt + 1); });
        return wait(BACKOFF_MS[attempt]).then(function () { return post(activity, attempt + 1); });
      });
    }

    return {
      activity$: activity$,
      connectionStatus$: connectionStatus$,
      /** Starts at once, before Web Chat is loaded, so the greeting can show early. */
      connect: function () {
        if (connectionStatus$.getValue() === 0) connectionStatus$.next(CONNECTING);
        return start(false).catch(function () { retryLater(); });
      },
      postActivity: function (activity) {
        return once(function () { return post(activity, 0); });
      },
      end: function () { /* the page lives as long as the conversation; Web Chat calls this on re-render */ },
      getSessionId: function () { return once(function () { return Promise.resolve(""); }); }
    };
  }

  window.ReittiDirectLine = { create: createResilientDirectLine };
})();
