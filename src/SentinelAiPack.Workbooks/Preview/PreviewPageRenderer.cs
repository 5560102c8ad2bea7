using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Preview;

/// <summary>
/// Writes the preview as one self-contained HTML page: tables and tiles as escaped HTML, charts drawn by Chart.js
/// (inlined, no network) from a JSON block that cannot close its script element. A content security policy forbids
/// every network request, so the page works offline and a hostile value cannot make it load anything.
/// </summary>
public static class PreviewPageRenderer
{
    /// <summary>Rows shown per grid; the rest are counted, not drawn.</summary>
    public const int MaxGridRows = 200;

    private static readonly JsonSerializerOptions DataJson = new() { Encoder = JavaScriptEncoder.Default };

    public static string Render(PreviewPage page, string chartLibrary)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(chartLibrary);
        var charts = new JsonArray();
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(page.Spec.Title.Value)).Append(" (preview)</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>").Append(Encode(page.Spec.Title.Value)).Append("</h1>\n");
        if (page.Spec.Subtitle.Length > 0)
        {
            html.Append("<p class=\"subtitle\">").Append(Encode(page.Spec.Subtitle)).Append("</p>\n");
        }
        html.Append(MarkdownText.ToHtml(page.Spec.Description.Value)).Append('\n');
        if (page.DataDescription.Length > 0)
        {
            html.Append("<p class=\"data\">Preview on ").Append(Encode(page.DataDescription)).Append("</p>\n");
        }
        html.Append("<ul class=\"parameters\">");
        foreach (var p in page.Parameters)
        {
            html.Append("<li><span>").Append(Encode(p.Label)).Append("</span> ").Append(p.Value.Length == 0 ? "<em>(all)</em>" : Encode(p.Value)).Append("</li>");
        }
        html.Append("</ul>\n</header>\n<main>\n");
        foreach (var section in page.Sections)
        {
            RenderSection(html, section, charts);
        }
        html.Append("</main>\n");
        // JavaScriptEncoder.Default escapes <, >, & and quotes as \uXXXX: the data can never close the script element.
        html.Append("<script type=\"application/json\" id=\"aipack-charts\">").Append(charts.ToJsonString(DataJson)).Append("</script>\n");
        html.Append("<script>").Append(chartLibrary.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("</script>\n");
        html.Append("<script>").Append(InitScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void RenderSection(StringBuilder html, PreviewSection section, JsonArray charts)
    {
        html.Append("<section class=\"wb-section\">\n<h2>").Append(Encode(section.Spec.Title.Value)).Append("</h2>\n");
        if (section.Spec.Text is { } text)
        {
            html.Append("<div class=\"text\">").Append(MarkdownText.ToHtml(text)).Append("</div>\n");
        }
        if (!section.Visible)
        {
            html.Append("<p class=\"hidden-note\">Shown in the workbook once parameter ").Append(Encode(section.Spec.VisibleWhen?.Parameter.Value ?? string.Empty))
                .Append(" is set.</p>\n</section>\n");
            return;
        }
        html.Append("<div class=\"tiles\">\n");
        foreach (var tile in section.Tiles)
        {
            RenderTile(html, tile, charts);
        }
        html.Append("</div>\n</section>\n");
    }

    private static void RenderTile(StringBuilder html, PreviewTile tile, JsonArray charts)
    {
        var width = tile.Spec.Width.ToString(CultureInfo.InvariantCulture);
        if (tile.Spec is MarkdownTile markdown)
        {
            html.Append("<div class=\"tile markdown\" style=\"flex-basis:calc(").Append(width).Append("% - 16px)\">")
                .Append(MarkdownText.ToHtml(markdown.Text)).Append("</div>\n");
            return;
        }
        var query = (QueryTile)tile.Spec;
        var kind = query.Visualization switch
        {
            Visualization.Grid => "grid",
            Visualization.Tiles => "tiles",
            _ => "chart",
        };
        html.Append("<div class=\"tile\" data-tile=\"").Append(Encode(query.Name)).Append("\" data-kind=\"").Append(kind)
            .Append("\" data-visualization=\"").Append(query.Visualization.ToWorkbookName()).Append('"');
        if (tile.IsEmpty && query.MayBeEmpty is not null)
        {
            html.Append(" data-empty-allowed=\"true\"");
        }
        html.Append(" style=\"flex-basis:calc(").Append(width).Append("% - 16px)\">\n<h3>").Append(Encode(query.Title.Value)).Append("</h3>\n");
        if (tile.Error is { } error)
        {
            html.Append("<p class=\"error\">Query failed: ").Append(Encode(error)).Append("</p>\n</div>\n");
            return;
        }
        var data = tile.Data ?? TileData.Empty;
        if (data.Rows.Count == 0)
        {
            html.Append("<p class=\"empty\">No rows.").Append(query.MayBeEmpty is { } why ? " " + Encode(why) : string.Empty).Append("</p>\n</div>\n");
            return;
        }
        switch (query.Visualization)
        {
            case Visualization.Grid:
                RenderGrid(html, data);
                break;
            case Visualization.Tiles:
                RenderCards(html, query, data);
                break;
            default:
                var chart = ChartShaper.Shape(query.Visualization, data);
                if (chart is null)
                {
                    html.Append("<p class=\"error\">The result has no columns this chart can draw; shown as a table.</p>\n");
                    RenderGrid(html, data);
                    break;
                }
                var id = charts.Count;
                charts.Add(ToJson(id, chart));
                html.Append("<div class=\"chart\"><canvas data-chart=\"").Append(id.ToString(CultureInfo.InvariantCulture)).Append("\"></canvas></div>\n");
                break;
        }
        html.Append("</div>\n");
    }

    private static void RenderGrid(StringBuilder html, TileData data)
    {
        html.Append("<div class=\"grid\"><table>\n<thead><tr>");
        foreach (var column in data.Columns)
        {
            html.Append("<th>").Append(Encode(column.Name)).Append("</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in data.Rows.Take(MaxGridRows))
        {
            html.Append("<tr>");
            for (var i = 0; i < data.Columns.Count; i++)
            {
                var cell = i < row.Count ? ChartShaper.Format(row[i]) : string.Empty;
                html.Append(data.Columns[i].IsNumeric ? "<td class=\"num\">" : "<td>").Append(Encode(Shorten(cell))).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></div>\n");
        if (data.Rows.Count > MaxGridRows)
        {
            html.Append("<p class=\"more\">").Append((data.Rows.Count - MaxGridRows).ToString(CultureInfo.InvariantCulture)).Append(" more rows not shown.</p>\n");
        }
    }

    private static void RenderCards(StringBuilder html, QueryTile tile, TileData data)
    {
        int Index(string? name) => name is null ? -1 : data.Columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Name == name, (null!, -1)).Item2;
        var title = Index(tile.TileColumns?.Title.Value);
        var value = Index(tile.TileColumns?.Value.Value);
        var subtitle = Index(tile.TileColumns?.Subtitle?.Value);
        html.Append("<div class=\"cards\">");
        foreach (var row in data.Rows.Take(24))
        {
            html.Append("<div class=\"card\"><div class=\"card-title\">").Append(Encode(title >= 0 ? ChartShaper.Format(row[title]) : string.Empty))
                .Append("</div><div class=\"card-value\">").Append(Encode(value >= 0 ? ChartShaper.Format(row[value]) : string.Empty)).Append("</div>");
            if (subtitle >= 0)
            {
                html.Append("<div class=\"card-sub\">").Append(Encode(tile.TileColumns!.Subtitle!.Value)).Append(": ").Append(Encode(ChartShaper.Format(row[subtitle]))).Append("</div>");
            }
            html.Append("</div>");
        }
        html.Append("</div>\n");
    }

    private static JsonObject ToJson(int id, ChartModel chart)
    {
        var labels = new JsonArray();
        foreach (var label in chart.Labels)
        {
            labels.Add(Shorten(label));
        }
        var series = new JsonArray();
        foreach (var s in chart.Series)
        {
            var values = new JsonArray();
            foreach (var v in s.Values)
            {
                values.Add(v);
            }
            series.Add(new JsonObject { ["label"] = Shorten(s.Label), ["values"] = values });
        }
        return new JsonObject { ["id"] = id, ["type"] = chart.Type, ["stacked"] = chart.Stacked, ["labels"] = labels, ["series"] = series };
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..397] + "...";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1f2328}
        header{background:#fff;padding:16px 24px;border-bottom:1px solid #d0d7de}
        h1{font-size:22px;margin:0 0 4px}.subtitle{color:#57606a;margin:0 0 8px}.data{color:#57606a;font-size:13px}
        .parameters{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px}.parameters li{background:#eef1f4;border-radius:12px;padding:2px 10px;font-size:13px}
        .parameters span{font-weight:600}main{padding:8px 16px}.wb-section{background:#fff;margin:12px 0;padding:12px 16px;border:1px solid #d0d7de;border-radius:6px}
        h2{font-size:18px;margin:4px 0 8px}h3{font-size:14px;margin:0 0 8px}.text{color:#3b434b;font-size:14px}
        .tiles{display:flex;flex-wrap:wrap;gap:16px}.tile{flex-grow:0;flex-shrink:0;box-sizing:border-box;min-width:280px;border:1px solid #e1e4e8;border-radius:4px;padding:8px;overflow:hidden}
        .chart{position:relative;height:260px}.grid{max-height:360px;overflow:auto}table{border-collapse:collapse;font-size:12px;width:100%}
        th,td{border-bottom:1px solid #eaecef;padding:3px 6px;text-align:left;vertical-align:top;word-break:break-word}th{background:#f6f8fa;position:sticky;top:0}
        td.num{text-align:right}.cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid #d0d7de;border-radius:4px;padding:8px 12px;min-width:110px}
        .card-title{font-size:12px;color:#57606a}.card-value{font-size:24px;font-weight:600}.card-sub{font-size:11px;color:#57606a}
        .empty,.hidden-note,.more{color:#57606a;font-style:italic;font-size:13px}.error{color:#b42318;font-size:13px}code{background:#eef1f4;padding:0 3px}
        """;

    // Reads the chart data as JSON (never as markup) and marks each drawn tile, so tests can tell every tile rendered.
    private const string InitScript = """
        (function () {
          var palette = ["#0078d4", "#d83b01", "#107c10", "#8764b8", "#e3008c", "#00b7c3", "#ffb900", "#4f6bed", "#69797e"];
          var charts = JSON.parse(document.getElementById("aipack-charts").textContent);
          charts.forEach(function (c) {
            var canvas = document.querySelector('canvas[data-chart="' + Number(c.id) + '"]');
            var pie = c.type === "pie";
            var datasets = c.series.map(function (s, i) {
              var color = palette[i % palette.length];
              return {
                // Empty time buckets stay gaps (no invented line across them); small points keep lone buckets visible.
                label: s.label, data: s.values, borderColor: color, borderWidth: pie ? 1 : 2, pointRadius: c.type === "line" ? 2 : 0, spanGaps: false,
                backgroundColor: pie ? c.labels.map(function (_, j) { return palette[j % palette.length]; }) : color
              };
            });
            new Chart(canvas, {
              type: c.type,
              data: { labels: c.labels, datasets: datasets },
              options: {
                animation: false, responsive: true, maintainAspectRatio: false,
                plugins: { legend: { display: pie || c.series.length > 1, position: "bottom" } },
                scales: pie ? {} : { x: { stacked: c.stacked }, y: { stacked: c.stacked, beginAtZero: true } }
              }
            });
            canvas.closest(".tile").setAttribute("data-rendered", "chart");
          });
          document.querySelectorAll(".tile[data-kind]").forEach(function (tile) {
            if (tile.hasAttribute("data-rendered")) { return; }
            if (tile.querySelector("tbody tr")) { tile.setAttribute("data-rendered", "table"); }
            else if (tile.querySelector(".card")) { tile.setAttribute("data-rendered", "tiles"); }
            else if (tile.querySelector(".empty")) { tile.setAttribute("data-rendered", "empty"); }
            else if (tile.querySelector(".error")) { tile.setAttribute("data-rendered", "error"); }
          });
          document.body.setAttribute("data-ready", "true");
        })();
        """;
}
