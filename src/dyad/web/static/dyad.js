// The dyad page's chart: cooperation up, conflict down, the Goldstein score as a line (plotly.js, served locally).
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
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
