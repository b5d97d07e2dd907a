/* govinfo dashboard: filters and charts over the JSON the site embeds (assets/data.js, #page-config).
   Text from reports is untrusted: it reaches the DOM only through textContent, and plotly only escaped. */
(function () {
  "use strict";

  var NOT_STATED = "not stated";
  var PLOT_CONFIG = { displayModeBar: false, responsive: true, staticPlot: false };
  var COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

  function pageConfig() {
    var node = document.getElementById("page-config");
    return node ? JSON.parse(node.textContent) : {};
  }

  function stated(v) { return v !== null && v !== undefined; }

  function fmt(v) {
    if (!stated(v)) { return NOT_STATED; }
    return Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 });
  }

  // Plotly renders a few HTML tags in its strings: escape everything that came from a report.
  function esc(s) {
    return String(s === null || s === undefined ? NOT_STATED : s)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function sumStated(rows, key) {
    var total = 0, n = 0;
    rows.forEach(function (r) { if (stated(r[key])) { total += Number(r[key]); n += 1; } });
    return { value: n ? total : null, stated: n, of: rows.length };
  }

  // Per 100 applications received, over the agency-years that state both figures.
  function rate(rows, key) {
    var part = 0, base = 0, n = 0;
    rows.forEach(function (r) {
      if (stated(r[key]) && stated(r.applications_received)) {
        part += Number(r[key]); base += Number(r.applications_received); n += 1;
      }
    });
    return { value: base > 0 ? (100 * part) / base : null, stated: n, of: rows.length };
  }

  function uniqueSorted(values) {
    var seen = {};
    values.forEach(function (v) { if (stated(v)) { seen[v] = v; } });
    return Object.keys(seen).map(function (k) { return seen[k]; }).sort(function (a, b) {
      return typeof a === "number" ? a - b : String(a).localeCompare(String(b), "zh");
    });
  }

  function plot(id, traces, layout, onClick) {
    var node = document.getElementById(id);
    if (!node) { return; }
    var empty = traces.every(function (t) { return (t.y || t.x || []).filter(stated).length === 0; });
    var note = document.getElementById(id + "-empty");
    if (empty) {
      node.style.display = "none";
      if (note) { note.style.display = ""; }
      if (window.Plotly && node.data) { window.Plotly.purge(node); }
      return;
    }
    node.style.display = "";
    if (note) { note.style.display = "none"; }
    var base = {
      margin: { l: 60, r: 20, t: 10, b: 50 }, height: 300, legend: { orientation: "h", y: -0.2 },
      font: { family: "WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif", size: 12 },
      xaxis: { type: "category" }
    };
    Object.keys(layout || {}).forEach(function (k) { base[k] = layout[k]; });
    window.Plotly.react(node, traces, base, PLOT_CONFIG);
    if (onClick && !node.dataset.clickBound) {
      node.dataset.clickBound = "1";
      node.on("plotly_click", function (ev) { if (ev.points && ev.points.length) { onClick(ev.points[0]); } });
    }
  }

  // -- filters ----------------------------------------------------------------------------------

  function filterControls(data, fixed) {
    var years = uniqueSorted(data.agency_years.map(function (r) { return r.report_year; })
      .concat(data.reports.map(function (r) { return r.report_year; })));
    var provinces = uniqueSorted(data.agency_years.map(function (r) { return r.province; }));
    var types = {};
    data.agency_years.forEach(function (r) { if (stated(r.agency_type)) { types[r.agency_type] = r.agency_type_label || r.agency_type; } });

    function fill(id, options) {
      var select = document.getElementById(id);
      if (!select) { return; }
      options.forEach(function (o) { select.appendChild(el("option", { value: String(o[0]) }, o[1])); });
    }
    var yearOptions = years.map(function (y) { return [y, y]; });
    fill("f-year-from", yearOptions);
    fill("f-year-to", yearOptions);
    fill("f-province", provinces.map(function (p) { return [p, p]; }).concat([["__none__", "(province not stated)"]]));
    fill("f-type", Object.keys(types).sort().map(function (t) { return [t, types[t] + " (" + t + ")"]; }));
    Object.keys(fixed || {}).forEach(function (k) {
      var select = document.getElementById("f-" + k);
      if (select) { select.value = fixed[k]; select.disabled = true; }
    });
  }

  function currentFilter() {
    function val(id) { var s = document.getElementById(id); return s ? s.value : ""; }
    return { yearFrom: val("f-year-from"), yearTo: val("f-year-to"), province: val("f-province"), type: val("f-type") };
  }

  function matches(f, row) {
    var y = row.report_year;
    if (f.yearFrom && !(stated(y) && y >= Number(f.yearFrom))) { return false; }
    if (f.yearTo && !(stated(y) && y <= Number(f.yearTo))) { return false; }
    if (f.province === "__none__" && stated(row.province)) { return false; }
    if (f.province && f.province !== "__none__" && row.province !== f.province) { return false; }
    if (f.type && row.agency_type !== f.type) { return false; }
    return true;
  }

  function onFilterChange(render) {
    ["f-year-from", "f-year-to", "f-province", "f-type"].forEach(function (id) {
      var select = document.getElementById(id);
      if (select) { select.addEventListener("change", render); }
    });
    var reset = document.getElementById("f-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        ["f-year-from", "f-year-to", "f-province", "f-type"].forEach(function (id) {
          var select = document.getElementById(id);
          if (select && !select.disabled) { select.value = ""; }
        });
        render();
      });
    }
  }

  function setYear(year) {
    document.getElementById("f-year-from").value = String(year);
    document.getElementById("f-year-to").value = String(year);
  }

  // -- tables -----------------------------------------------------------------------------------

  function numberCell(value, href, extra) {
    var td = el("td", { "class": "num", "data-value": stated(value) ? String(value) : "" });
    if (!stated(value)) { td.classList.add("not-stated"); }
    if (href && stated(value)) { td.appendChild(el("a", { href: href }, fmt(value))); } else { td.textContent = fmt(value); }
    if (extra) { td.appendChild(el("span", { "class": "coverage" }, extra)); }
    return td;
  }

  function coverage(agg) { return agg.of && agg.stated < agg.of ? " " + agg.stated + "/" + agg.of + " stated" : ""; }

  function fillBody(id, rows, makeRow, limit) {
    var body = document.querySelector("#" + id + " tbody");
    if (!body) { return; }
    body.textContent = "";
    rows.slice(0, limit || rows.length).forEach(function (r) { body.appendChild(makeRow(r)); });
    var more = document.getElementById(id + "-more");
    if (more) {
      more.textContent = limit && rows.length > limit ? "showing " + limit + " of " + rows.length + " rows; narrow the filters to see the rest" : "";
    }
  }

  // -- overview (also the page of one province or one agency type) ------------------------------

  function overview(data, root, fixed) {
    var reportsById = {};
    data.reports.forEach(function (r) { reportsById[r.report_id] = r; });
    var measures = data.measures;
    filterControls(data, fixed);

    function render() {
      var f = currentFilter();
      var ay = data.agency_years.filter(function (r) { return matches(f, r); });
      var reps = data.reports.filter(function (r) { return matches(f, r); });
      var inScope = {};
      reps.forEach(function (r) { inScope[r.report_id] = true; });
      var years = uniqueSorted(ay.map(function (r) { return r.report_year; }).concat(reps.map(function (r) { return r.report_year; })));
      var byYear = {};
      years.forEach(function (y) { byYear[y] = ay.filter(function (r) { return r.report_year === y; }); });

      document.getElementById("kpi-reports").textContent = fmt(reps.length);
      document.getElementById("kpi-agencies").textContent = fmt(uniqueSorted(ay.map(function (r) { return r.agency_id; })).length);
      var received = sumStated(ay, "applications_received");
      document.getElementById("kpi-received").textContent = fmt(received.value);
      var undated = reps.filter(function (r) { return !stated(r.report_year); }).length;
      document.getElementById("kpi-undated").textContent = undated ? undated + " report(s) without a year are counted above but not per year" : "";

      // reports per year and template
      var templates = uniqueSorted(reps.map(function (r) { return r.template; }));
      plot("chart-reports", templates.map(function (t, i) {
        return {
          type: "bar", name: esc(t), x: years, marker: { color: COLORS[i % COLORS.length] },
          y: years.map(function (y) { return reps.filter(function (r) { return r.report_year === y && r.template === t; }).length; })
        };
      }), { barmode: "stack", yaxis: { title: { text: "reports" } } }, function (p) { setYear(p.x); render(); });

      // applications received and processed per year
      plot("chart-applications", [
        { type: "bar", name: "received", x: years, y: years.map(function (y) { return sumStated(byYear[y], "applications_received").value; }) },
        { type: "scatter", mode: "lines+markers", name: "processed", x: years, y: years.map(function (y) { return sumStated(byYear[y], "applications_processed").value; }) }
      ], { yaxis: { title: { text: "applications" } } }, function (p) { setYear(p.x); render(); });

      // outcome mix per year (share of table 3's outcome rows, all applicants)
      var outcomes = data.outcomes.filter(function (o) { return inScope[o.report_id]; });
      var mixYears = years.filter(function (y) { return outcomes.some(function (o) { return reportsById[o.report_id].report_year === y; }); });
      var totals = {};
      outcomes.forEach(function (o) { var y = reportsById[o.report_id].report_year; totals[y] = (totals[y] || 0) + (o.value || 0); });
      plot("chart-outcomes", data.outcome_groups.map(function (g, i) {
        return {
          type: "bar", name: esc(g), x: mixYears, marker: { color: COLORS[i % COLORS.length] },
          y: mixYears.map(function (y) {
            var v = 0;
            outcomes.forEach(function (o) { if (o.outcome_group === g && reportsById[o.report_id].report_year === y) { v += o.value || 0; } });
            return totals[y] > 0 ? (100 * v) / totals[y] : null;
          })
        };
      }), { barmode: "stack", yaxis: { title: { text: "% of outcomes" }, range: [0, 100] } });

      plot("chart-fees", [
        { type: "bar", name: "fees collected (yuan)", x: years, marker: { color: COLORS[2] },
          y: years.map(function (y) { return sumStated(byYear[y], "fees_collected_yuan").value; }) }
      ], { yaxis: { title: { text: "yuan" } } }, function (p) { setYear(p.x); render(); });

      plot("chart-rates", [
        { type: "scatter", mode: "lines+markers", name: "reconsiderations per 100 applications", x: years,
          y: years.map(function (y) { return rate(byYear[y], "reconsideration_total").value; }) },
        { type: "scatter", mode: "lines+markers", name: "lawsuits per 100 applications", x: years,
          y: years.map(function (y) { return rate(byYear[y], "litigation_total").value; }) }
      ], { yaxis: { title: { text: "per 100 applications" } } });

      // consistency checks: per rule, passes and failures
      var checks = data.checks.concat(data.cross_year).filter(function (c) { return inScope[c.report_id]; });
      var rules = uniqueSorted(checks.map(function (c) { return c.rule; }));
      plot("chart-checks", ["pass", "fail", "not_assessable"].map(function (s) {
        var color = { pass: "#2ca02c", fail: "#d62728", not_assessable: "#bbbbbb" }[s];
        return {
          type: "bar", orientation: "h", name: s, y: rules, marker: { color: color },
          x: rules.map(function (rule) {
            var n = 0;
            checks.forEach(function (c) { if (c.rule === rule && c.status === s) { n += c.n; } });
            return n;
          })
        };
      }), { barmode: "stack", height: 60 + 24 * Math.max(rules.length, 3), margin: { l: 230, r: 20, t: 10, b: 50 },
            xaxis: { title: { text: "checks" } }, yaxis: { type: "category", automargin: true }, legend: { orientation: "h", y: -0.45 } });

      fillBody("year-table", years, function (y) {
        var rows = byYear[y];
        var tr = el("tr", { "data-year": String(y) });
        tr.appendChild(el("th", {}, y));
        tr.appendChild(numberCell(reps.filter(function (r) { return r.report_year === y; }).length));
        measures.forEach(function (m) {
          var agg = sumStated(rows, m[0]);
          var td = numberCell(agg.value, null, coverage(agg));
          td.setAttribute("data-key", m[0]);
          tr.appendChild(td);
        });
        ["reconsideration_total", "litigation_total"].forEach(function (k) {
          var agg = rate(rows, k);
          var td = numberCell(stated(agg.value) ? Math.round(agg.value * 100) / 100 : null);
          td.setAttribute("data-key", k + "_rate");
          tr.appendChild(td);
        });
        tr.appendChild(numberCell(sumStated(rows, "checks_failed").value));
        return tr;
      });

      var findings = data.findings.filter(function (x) { return inScope[x.report_id]; });
      document.getElementById("findings-count").textContent = String(findings.length);
      fillBody("findings-table", findings, function (x) {
        var tr = el("tr");
        tr.appendChild(el("td", {}, stated(x.report_year) ? x.report_year : NOT_STATED));
        var name = el("td");
        name.appendChild(el("a", { href: root + "report/" + x.report_id + ".html#check-" + x.rule }, x.agency_name || NOT_STATED));
        tr.appendChild(name);
        tr.appendChild(el("td", {}, x.rule));
        tr.appendChild(el("td", {}, x.detail));
        tr.appendChild(numberCell(x.expected));
        tr.appendChild(numberCell(x.actual));
        return tr;
      }, 200);

      var ayRows = ay.slice().sort(function (a, b) {
        return (b.report_year - a.report_year) || String(a.agency_name).localeCompare(String(b.agency_name), "zh");
      });
      fillBody("agency-year-table", ayRows, function (r) {
        var tr = el("tr", { "data-report": r.report_id });
        tr.appendChild(el("td", {}, r.report_year));
        var name = el("td");
        name.appendChild(el("a", { href: root + "agency/" + r.agency_id + ".html" }, r.agency_name || NOT_STATED));
        tr.appendChild(name);
        tr.appendChild(el("td", {}, r.province || NOT_STATED));
        tr.appendChild(el("td", {}, r.agency_type_label || r.agency_type || NOT_STATED));
        measures.forEach(function (m) {
          var td = numberCell(r[m[0]], root + "report/" + r.report_id + ".html#metric-" + m[1]);
          td.setAttribute("data-key", m[0]);
          tr.appendChild(td);
        });
        return tr;
      }, 300);
      document.body.setAttribute("data-rendered", String(Date.now()));
    }
    onFilterChange(render);
    render();
  }

  // -- comparison of provinces or agency types ---------------------------------------------------

  function groups(data, root, by, pages) {
    filterControls(data, {});
    var measures = data.measures;
    function keyOf(r) { return by === "province" ? (r.province || "__none__") : r.agency_type; }
    function labelOf(r) { return by === "province" ? (r.province || "(province not stated)") : (r.agency_type_label || r.agency_type); }
    function render() {
      var f = currentFilter();
      var ay = data.agency_years.filter(function (r) { return matches(f, r); });
      var reps = data.reports.filter(function (r) { return matches(f, r); });
      var keys = {};
      ay.forEach(function (r) { keys[keyOf(r)] = labelOf(r); });
      var ordered = Object.keys(keys).sort(function (a, b) { return String(keys[a]).localeCompare(String(keys[b]), "zh"); });
      var rowsOf = {};
      ordered.forEach(function (k) { rowsOf[k] = ay.filter(function (r) { return keyOf(r) === k; }); });
      var received = ordered.map(function (k) { return sumStated(rowsOf[k], "applications_received").value; });
      plot("chart-groups", [{ type: "bar", name: "applications received", x: ordered.map(function (k) { return esc(keys[k]); }), y: received }],
        { yaxis: { title: { text: "applications received" } }, margin: { l: 60, r: 20, t: 10, b: 120 } },
        function (p) { var k = ordered[p.pointIndex]; if (pages[k]) { window.location.href = root + pages[k]; } });
      plot("chart-group-rates", [
        { type: "bar", name: "reconsiderations per 100 applications", x: ordered.map(function (k) { return esc(keys[k]); }),
          y: ordered.map(function (k) { return rate(rowsOf[k], "reconsideration_total").value; }) },
        { type: "bar", name: "lawsuits per 100 applications", x: ordered.map(function (k) { return esc(keys[k]); }),
          y: ordered.map(function (k) { return rate(rowsOf[k], "litigation_total").value; }) }
      ], { barmode: "group", yaxis: { title: { text: "per 100 applications" } }, margin: { l: 60, r: 20, t: 10, b: 120 } });
      fillBody("group-table", ordered, function (k) {
        var rows = rowsOf[k];
        var tr = el("tr", { "data-group": k });
        var th = el("th");
        if (pages[k]) { th.appendChild(el("a", { href: root + pages[k] }, keys[k])); } else { th.textContent = keys[k]; }
        tr.appendChild(th);
        tr.appendChild(numberCell(uniqueSorted(rows.map(function (r) { return r.agency_id; })).length));
        tr.appendChild(numberCell(reps.filter(function (r) { return (by === "province" ? (r.province || "__none__") : r.agency_type) === k; }).length));
        measures.forEach(function (m) {
          var agg = sumStated(rows, m[0]);
          var td = numberCell(agg.value, null, coverage(agg));
          td.setAttribute("data-key", m[0]);
          tr.appendChild(td);
        });
        return tr;
      });
      document.body.setAttribute("data-rendered", String(Date.now()));
    }
    onFilterChange(render);
    render();
  }

  // -- one agency: its years as lines; a click opens the figure in its report ---------------------

  function agency(cfg, root) {
    var years = cfg.years.map(function (r) { return r.report_year; });
    plot("chart-agency", cfg.measures.map(function (m) {
      return {
        type: "scatter", mode: "lines+markers", name: esc(m[2]), x: years,
        y: cfg.years.map(function (r) { return r[m[0]]; }),
        customdata: cfg.years.map(function (r) { return root + "report/" + r.report_id + ".html#metric-" + m[1]; })
      };
    }).filter(function (t) { return t.y.some(stated); }), {}, function (p) { window.location.href = p.customdata; });
  }

  // -- one report: its outcome mix ------------------------------------------------------------------

  function report(cfg) {
    if (!cfg.outcomes || !cfg.outcomes.length) { return; }
    plot("chart-report-outcomes", [{
      type: "bar", name: "applications", x: cfg.outcomes.map(function (o) { return esc(o.outcome_group); }),
      y: cfg.outcomes.map(function (o) { return o.value; })
    }], { yaxis: { title: { text: "applications (table 3, all applicants)" } } });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var cfg = pageConfig();
    var root = cfg.root || "";
    if (cfg.page === "overview") { overview(window.GOVINFO_DATA, root, cfg.fixed || {}); }
    if (cfg.page === "groups") { groups(window.GOVINFO_DATA, root, cfg.by, cfg.group_pages || {}); }
    if (cfg.page === "agency") { agency(cfg, root); }
    if (cfg.page === "report") { report(cfg); }
    document.body.setAttribute("data-ready", "1");
  });
})();
