/* löfte's additions to Decap CMS (docs/publicera.md, "Redigera i webbläsaren").
 *
 * Loaded before Decap, so that Decap starts only when all of this is registered (with the
 * config fetched at the same time, Swedish words registered later were sometimes too late).
 * window.LOFTE_CMS is written by the build (lofte/outputs/admin.py) above this code:
 * Swedish words Decap lacks, the status vocabulary, and what each collection edits.
 * Here: (1) before a save, empty fields are dropped, so a file holds only what was
 * written, and a new update gets today's date; a change Decap cannot express is
 * refused with a Swedish message; (2) previews use the site's own stylesheet and
 * markup; (3) a field the source may be silent on gets "Anges inte i källan" and a
 * note beside its own control, saved as `okänt` or `okänt: <note>` (the widget
 * lofte-okant). The build still checks everything (python build.py check).
 */
window.CMS_MANUAL_INIT = true;  // this script runs first; Decap starts once everything is registered
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var data = window.LOFTE_CMS;
  var CMS = window.CMS;

  function merge(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (k) { out[k] = base[k]; });
    Object.keys(extra).forEach(function (k) {
      var both = out[k] && typeof out[k] === "object" && typeof extra[k] === "object";
      out[k] = both ? merge(out[k], extra[k]) : extra[k];
    });
    return out;
  }
  CMS.registerLocale("sv", merge(CMS.getLocale ? CMS.getLocale("sv") : {}, data.phrases));

  // ---- before a save -------------------------------------------------------
  // Every yes/no field in löfte's schema defaults to no, and an empty field means
  // "not given", so false, "" and empty lists and groups are left out of the file.
  function empty(value, path, out) {
    if (value === null || value === undefined || value === false) return true;
    if (typeof value === "string") return value.trim() === "";
    if (Array.isArray(value)) {
      var kept = 0;
      for (var i = value.length - 1; i >= 0; i--) {
        if (empty(value[i], path.concat([i]), out)) out.push(path.concat([i])); else kept++;
      }
      return kept === 0;
    }
    if (typeof value === "object") {
      var left = 0;
      Object.keys(value).forEach(function (k) {
        if (empty(value[k], path.concat([k]), out)) out.push(path.concat([k])); else left++;
      });
      return left === 0;
    }
    return false;
  }

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var kind = (data.collections[entry.get("collection")] || {}).kind;
      var values = entry.get("data");
      var path = entry.get("path") || "";
      if (kind === "period" && /\/kommun\.yaml$/.test(path)) {
        throw new Error(data.messages.kommunInPeriods);
      }
      if (kind === "period" && entry.get("newRecord") && unknown(values.get("start")) !== null) {
        throw new Error(data.messages.periodWithoutStart);  // its folder is named by the start year
      }
      if (kind === "update") {
        var named = /\/(\d{4}-\d{2}-\d{2})-[^\/]*\.md$/.exec(path);
        var date = values.get("date");
        if (entry.get("newRecord") && !date) values = values.set("date", today());
        if (!entry.get("newRecord") && named && date && date !== named[1]) {
          throw new Error(data.messages.dateFixed.replace("{date}", named[1]));
        }
      }
      var drop = [];
      var plain = values.toJS();
      Object.keys(plain).forEach(function (key) {
        if (data.kept.indexOf(key) >= 0) return;  // fields the forms keep as they are
        if (empty(plain[key], [key], drop)) drop.push([key]);
      });
      drop.forEach(function (p) { values = values.deleteIn(p); });
      return values;
    }
  });

  // ---- "Anges inte i källan": okänt where the value would be -----------------
  var h = window.h;
  var createClass = window.createClass;
  var WORDS = ["okänt", "okänd", "okant", "okand"];  // as lofte/content/fields.py reads them

  // The note of an unknown value ("" without one), or null for a value that is known.
  function unknown(value) {
    if (typeof value === "string") {
      return WORDS.indexOf(value.trim().replace(/\.$/, "").toLowerCase()) >= 0 ? "" : null;
    }
    if (value && typeof value === "object") {
      var plain = value.toJS ? value.toJS() : value;
      if (Array.isArray(plain)) return null;
      var keys = Object.keys(plain).filter(function (k) { return WORDS.indexOf(k.toLowerCase()) >= 0; });
      if (keys.length) return plain[keys[0]] ? String(plain[keys[0]]) : "";
    }
    return null;
  }

  var idCount = 0;
  var Unknowable = createClass({
    componentWillMount: function () { this.noteId = "lofte-okant-" + (++idCount); },
    render: function () {
      var props = this.props, field = props.field, inner = field.get("inner");
      var note = unknown(props.value);
      var isUnknown = note !== null;
      var onChange = props.onChange;
      var box = h("label", {className: "lofte-okant__box"},
        h("input", {type: "checkbox", checked: isUnknown,
                    onChange: function (e) { onChange(e.target.checked ? "okänt" : null); }}),
        " " + data.messages.notStated);
      var parts = [];
      if (!isUnknown && inner) {
        var widget = CMS.getWidget(inner);
        parts.push(h(widget.control, Object.assign({}, props, {field: field.set("widget", inner)})));
      }
      parts.push(box);
      if (isUnknown) {
        parts.push(h("label", {className: "lofte-okant__note", htmlFor: this.noteId}, data.messages.notStatedNote));
        parts.push(h("input", {type: "text", id: this.noteId, className: props.classNameWrapper, value: note,
                               onChange: function (e) { onChange(e.target.value.trim() ? {"okänt": e.target.value} : "okänt"); }}));
      }
      return h("div", {className: "lofte-okant", id: inner ? undefined : props.forID}, parts);
    }
  });
  var UnknowablePreview = createClass({
    render: function () {
      var note = unknown(this.props.value);
      if (note === null) return h("div", null, this.props.value && this.props.value.toJS ? "" : String(this.props.value || ""));
      return h("p", null, data.messages.notStated + (note ? ": " + note : "."));
    }
  });
  CMS.registerWidget("lofte-okant", Unknowable, UnknowablePreview,
                     {properties: {inner: {type: "string"}}});

  // ---- previews --------------------------------------------------------------
  CMS.registerPreviewStyle(new URL(data.stylesheet, document.baseURI).href);

  function status(key) {
    var s = data.statuses[key];
    if (!s) return null;
    return h("span", {className: "status status--" + s.tone},
      h("span", {className: "status__symbol", "aria-hidden": "true"}, s.symbol), " " + s.label);
  }

  function exampleLabel(text) {
    return h("p", {className: "example-label"}, h("strong", null, "Exempel:"), " " + text);
  }

  function list(value) { return value && value.toJS ? value.toJS() : (value || []); }

  var UpdatePreview = createClass({
    render: function () {
      var info = data.collections[this.props.entry.get("collection")];
      var v = this.props.entry.get("data");
      var progress = list(v.get("progress")).filter(function (p) { return p && p.indicator; });
      var evidence = list(v.get("evidence")).filter(function (e) { return e && e.title; });
      return h("main", {className: "lofte-preview"},
        h("p", null, data.messages.previewNote),
        h("ol", {className: "timeline"}, h("li", null, h("article", {className: "update"},
          h("h3", null, (v.get("date") || data.messages.today) + ": " + (v.get("title") || "")),
          v.get("example") ? exampleLabel(data.messages.exampleUpdate) : null,
          v.get("status") ? h("p", null, "Ny status: ", status(v.get("status"))) : null,
          list(v.get("actor_status")).map(function (a, i) {
            return a && a.actor ? h("p", {key: i}, (info.parties[a.actor] || a.actor) + ": ", status(a.status)) : null;
          }),
          this.props.widgetFor("body"),
          progress.length ? h("ul", {className: "meta"}, progress.map(function (p, i) {
            var ind = info.indicators[p.indicator] || {name: p.indicator, unit: ""};
            return h("li", {key: i}, ind.name + ": " + p.value + " " + ind.unit);
          })) : null,
          evidence.length ? h("div", null, h("p", null, "Underlag:"), h("ul", null, evidence.map(function (e, i) {
            return h("li", {key: i}, h("a", {href: e.url}, e.title));
          }))) : null))));
    }
  });

  var PromisePreview = createClass({
    render: function () {
      var info = data.collections[this.props.entry.get("collection")];
      var v = this.props.entry.get("data");
      var actors = list(v.get("actors")).filter(function (a) { return a && a.actor; });
      return h("main", {className: "lofte-preview"},
        h("p", null, data.messages.previewNote),
        h("article", null,
          h("h1", null, v.get("title") || ""),
          v.get("example") ? exampleLabel(data.messages.examplePromise) : null,
          h("p", {className: "status-line"}, "Status: ", status(v.get("status"))),
          v.get("summary") ? h("p", {className: "lead"}, v.get("summary")) : null,
          this.props.widgetFor("body"),
          actors.length ? h("section", null, h("h2", null, "Vem lovar och hur går det för var och en?"),
            h("table", {className: "stack"}, h("tbody", null, actors.map(function (a, i) {
              return h("tr", {key: i}, h("th", {scope: "row"}, info.parties[a.actor] || a.actor),
                h("td", null, unknown(a.responsible) !== null ? data.messages.notStated : (a.responsible || "Anges inte")),
                h("td", null, status(a.status)));
            })))) : null));
    }
  });

  Object.keys(data.collections).forEach(function (name) {
    var kind = data.collections[name].kind;
    if (kind === "update") CMS.registerPreviewTemplate(name, UpdatePreview);
    if (kind === "promise") CMS.registerPreviewTemplate(name, PromisePreview);
  });
  CMS.init();
});
