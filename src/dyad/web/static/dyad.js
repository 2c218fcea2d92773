// The dyad page's chart (cooperation up, conflict down, the Goldstein score as a line) and the maps of events
// (plotly.js and its world map, both served by dyad).
(function () {
  "use strict";
  function draw() {
    var node = document.getElementById("chart");
    var source = document.getElementById("timeline-data");
    if (!node || !source || typeof Plotly === "undefined") return;
    var data = JSON.parse(source.textContent);
    if (!data.periods.length) {
      node.textContent = "No dated events to chart.";
      node.setAttribute("data-rendered", "empty");
      return;
    }
    // a true time axis: each period at its first day, as wide as the period, so that gaps show as gaps
    var period = { xperiod: data.xperiod, xperiodalignment: "middle" };
    function bar(extra) { return Object.assign({ type: "bar", x: data.x, text: data.periods, textposition: "none" }, period, extra); }
    var traces = [
      bar({ name: "cooperation", y: data.cooperation, marker: { color: "#2b8cbe" },
            hovertemplate: "%{text}: %{y} cooperative<extra></extra>" }),
      bar({ name: "conflict", y: data.conflict.map(function (v) { return -v; }), marker: { color: "#e34a33" },
            customdata: data.conflict, hovertemplate: "%{text}: %{customdata} conflictual<extra></extra>" }),
      Object.assign({ type: "scatter", mode: "lines+markers", name: "Goldstein score", x: data.x, y: data.goldstein,
        yaxis: "y2", line: { color: "#333" }, connectgaps: false }, period)
    ];
    var layout = {
      title: { text: data.title, font: { size: 14 } }, barmode: "relative", margin: { t: 40, r: 60, b: 60, l: 50 },
      xaxis: { type: "date" }, yaxis: { title: { text: "events (conflict below zero)" } },
      yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", zeroline: false },
      legend: { orientation: "h", y: -0.25 }
    };
    Plotly.newPlot(node, traces, layout, { displaylogo: false, responsive: true }).then(function () {
      node.setAttribute("data-rendered", "chart");
    });
  }
  // The map: each event at its place on a world map (served by dyad: /static/topojson/), a click opens the event.
  function drawMap() {
    var node = document.getElementById("map");
    var source = document.getElementById("map-data");
    if (!node || !source || typeof Plotly === "undefined") return;
    var points = JSON.parse(source.textContent);
    if (!points.length) {
      node.textContent = "No events with a known place.";
      node.setAttribute("data-rendered", "empty");
      return;
    }
    var trace = {
      type: "scattergeo", mode: "markers",
      lon: points.map(function (p) { return p.lon; }), lat: points.map(function (p) { return p.lat; }),
      customdata: points.map(function (p) { return p.id; }),
      text: points.map(function (p) {
        return (p.date || "undated") + " " + p.type + " " + (p.source_label || p.source || "?") + "→" + (p.target_label || p.target || "?") + ", " + (p.place || "");
      }),
      hovertemplate: "%{text}<extra></extra>",
      marker: { size: 8, color: "#2b8cbe", opacity: 0.8, line: { width: 0.5, color: "#fff" } }
    };
    var layout = {
      margin: { t: 10, r: 10, b: 10, l: 10 }, showlegend: false,
      geo: { projection: { type: "natural earth", scale: 1 }, fitbounds: false, lonaxis: { range: [-180, 180] },
             lataxis: { range: [-60, 85] }, showcountries: true, countrycolor: "#bbb", showland: true,
             landcolor: "#f3f3f3", showframe: false }
    };
    Plotly.newPlot(node, [trace], layout, { displaylogo: false, responsive: true, topojsonURL: "/static/topojson/" })
      .then(function () {
        node.on("plotly_click", function (event) {
          var point = event.points && event.points[0];
          if (point && point.customdata) window.location.href = "/event/" + point.customdata;
        });
        node.setAttribute("data-rendered", "map");
      });
  }
  function start() { draw(); drawMap(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
