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
    var traces = [
      { type: "bar", name: "cooperation", x: data.periods, y: data.cooperation, marker: { color: "#2b8cbe" } },
      { type: "bar", name: "conflict", x: data.periods, y: data.conflict.map(function (v) { return -v; }),
        marker: { color: "#e34a33" }, customdata: data.conflict, hovertemplate: "%{customdata} conflictual<extra></extra>" },
      { type: "scatter", mode: "lines+markers", name: "Goldstein score", x: data.periods, y: data.goldstein,
        yaxis: "y2", line: { color: "#333" } }
    ];
    var layout = {
      title: { text: data.title, font: { size: 14 } }, barmode: "relative", margin: { t: 40, r: 60, b: 60, l: 50 },
      xaxis: { type: "category" }, yaxis: { title: { text: "events (conflict below zero)" } },
      yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", zeroline: false },
      legend: { orientation: "h", y: -0.25 }
    };
    Plotly.newPlot(node, traces, layout, { displaylogo: false, responsive: true }).then(function () {
      node.setAttribute("data-rendered", "chart");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
