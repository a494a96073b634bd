// Scan output: JSON lines for machines, one self-contained HTML page for
// people (inline CSS and SVG, no scripts, every value escaped).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "core/io.h"
#include "core/strings.h"
#include "vigil/workforce.h"

namespace vigil::workforce {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

double Round1(double v) { return std::round(v * 10) / 10; }

json ReasonsJson(const std::vector<Reason>& reasons) {
  json a = json::array();
  for (const auto& r : reasons)
    a.push_back({{"rule", r.rule_id}, {"points", Round1(r.points)}, {"detail", r.detail}});
  return a;
}

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : SanitizeUtf8(s)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

const char* LevelColor(std::string_view level) {
  if (level == "high") return "#c0392b";
  if (level == "medium") return "#e67e22";
  return "#7f8c8d";
}

const char* KindColor(std::string_view kind) {
  if (kind == "device" || kind == "mfa") return "#8e44ad";
  if (kind == "account" || kind == "wallet") return "#c0392b";
  if (kind == "document" || kind == "photo" || kind == "email" || kind == "phone") return "#2c3e50";
  if (kind == "ship_to") return "#d35400";
  if (kind == "ip_day") return "#2980b9";
  return "#95a5a6";
}

constexpr size_t kMaxGraphNodes = 30;

std::string ClusterSvg(const Dataset& data, const ScanResult& result, const Cluster& c) {
  size_t n = std::min(c.members.size(), kMaxGraphNodes);
  const double size = 460, center = size / 2, radius = n <= 2 ? 120 : 170;
  std::map<uint32_t, std::pair<double, double>> pos;
  for (size_t i = 0; i < n; ++i) {
    double angle = 2 * 3.14159265358979323846 * static_cast<double>(i) / static_cast<double>(n) -
                   3.14159265358979323846 / 2;
    if (n == 2) angle = i == 0 ? 3.14159265358979323846 : 0;
    pos[c.members[i]] = {center + radius * std::cos(angle), center + radius * std::sin(angle)};
  }
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" width=\"{0}\" "
      "height=\"{0}\" role=\"img\" aria-label=\"cluster {1}\">",
      size, Esc(c.id));
  for (const auto& e : c.edges) {
    auto a = pos.find(e.a), b = pos.find(e.b);
    if (a == pos.end() || b == pos.end()) continue;
    std::string kinds, tip;
    for (const auto& ev : e.evidence) {
      if (!kinds.empty()) kinds += ", ";
      kinds += ev.kind;
      tip += fmt::format("{}: {} ({:.2f})\n", ev.kind, ev.value, ev.strength);
    }
    const char* color = e.evidence.empty() ? "#95a5a6" : KindColor(e.evidence.front().kind);
    double width = std::clamp(e.strength * 2, 0.8, 6.0);
    svg += fmt::format(
        "<g><title>{} – {}\n{}</title><line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" "
        "y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"{:.1f}\"{}/>",
        Esc(data.workers[e.a].id), Esc(data.workers[e.b].id), Esc(tip), a->second.first,
        a->second.second, b->second.first, b->second.second, color, width,
        e.strength < 1 ? " stroke-dasharray=\"5,4\"" : "");
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"el\">{}</text></g>",
                       (a->second.first + b->second.first) / 2,
                       (a->second.second + b->second.second) / 2 - 3, Esc(kinds));
  }
  for (const auto& [w, xy] : pos) {
    const WorkerRisk& r = result.workers[w];
    const Worker& x = data.workers[w];
    svg += fmt::format(
        "<g><title>{} {} ({}) score {:.0f}</title><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"14\" "
        "fill=\"{}\"/><text x=\"{:.1f}\" y=\"{:.1f}\" class=\"nl\">{}</text></g>",
        Esc(x.id), Esc(x.name), Esc(x.country), r.score, xy.first, xy.second, LevelColor(r.level),
        xy.first, xy.second + 28, Esc(x.id));
  }
  svg += "</svg>";
  return svg;
}

std::string ReasonList(const RulePack* /*unused*/, const std::vector<Reason>& reasons) {
  std::string out = "<ul class=\"reasons\">";
  for (const auto& r : reasons)
    out += fmt::format("<li><b>{}</b> +{:.0f}: {}</li>", Esc(r.rule_id), r.points, Esc(r.detail));
  return out + "</ul>";
}

}  // namespace

std::string SummaryJson(const Dataset& data, const ScanResult& result) {
  size_t high = 0, medium = 0;
  for (const auto& w : result.workers) {
    if (w.level == "high")
      ++high;
    else if (w.level == "medium")
      ++medium;
  }
  size_t high_clusters = 0;
  for (const auto& c : result.clusters)
    if (c.level == "high") ++high_clusters;
  json rules = json::array();
  for (const auto& s : result.rule_stats)
    rules.push_back({{"rule", s.rule_id}, {"workers", s.workers}, {"clusters", s.clusters}});
  json files = json::object();
  for (const auto& [file, columns] : data.columns) files[file] = columns;
  json j = {{"format", "vigil-workforce-report"},
            {"version", 1},
            {"input_format_version", data.format_version},
            {"rule_pack", result.rule_pack},
            {"catalog_version", result.catalog_version},
            {"workers", data.workers.size()},
            {"payments", data.payments.size()},
            {"logins", data.logins.size()},
            {"shipments", data.shipments.size()},
            {"high_risk_workers", high},
            {"medium_risk_workers", medium},
            {"clusters", result.clusters.size()},
            {"high_risk_clusters", high_clusters},
            {"exposure_hits", result.exposure.size()},
            {"input_problems", data.problem_count},
            {"inputs", files},
            {"notes", result.notes},
            {"rules", rules},
            {"scan_seconds", std::round(result.seconds * 100) / 100},
            {"phase_seconds", result.phase_seconds}};
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string RenderHtmlReport(const Dataset& data, const ScanResult& result) {
  std::string h;
  h += "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<title>vigil workforce report</title><style>"
       "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}"
       "table{border-collapse:collapse;margin:1em 0;font-size:13px}"
       "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
       "th{background:#f4f4f4}.high{color:#c0392b;font-weight:bold}.medium{color:#e67e22}"
       ".low{color:#7f8c8d}.el{font-size:10px;fill:#333;text-anchor:middle}"
       ".nl{font-size:11px;text-anchor:middle;fill:#000}section.cluster{border-top:2px solid "
       "#ddd;margin-top:2em}ul.reasons{margin:0;padding-left:1.2em}svg{background:#fafafa;"
       "border:1px solid #eee}</style></head><body>";
  size_t high = 0, medium = 0;
  for (const auto& w : result.workers) {
    if (w.level == "high")
      ++high;
    else if (w.level == "medium")
      ++medium;
  }
  h += "<h1>Workforce screening: DPRK IT-worker indicators</h1>";
  h += fmt::format(
      "<p>Rule pack <code>{}</code>; catalog <code>{}</code>; {} workers, {} logins, {} "
      "payments, {} shipments. <span class=\"high\">{} high</span>, <span "
      "class=\"medium\">{} medium</span> risk workers; {} linked clusters; {} sanctions exposure "
      "hits; {} input problems.</p>",
      Esc(result.rule_pack), Esc(result.catalog_version.empty() ? "none" : result.catalog_version),
      data.workers.size(), data.logins.size(), data.payments.size(), data.shipments.size(), high,
      medium, result.clusters.size(), result.exposure.size(), data.problem_count);
  h += "<p>Each indicator has innocent explanations; scores combine independent evidence, and "
       "shared infrastructure between workers counts most. Review the evidence before acting.</p>";
  if (!result.notes.empty()) {
    h += "<h2>What could not be checked</h2><ul>";
    for (const auto& n : result.notes) h += "<li>" + Esc(n) + "</li>";
    h += "</ul>";
  }

  h += "<h2>Clusters (one operator, many personas?)</h2>";
  size_t shown = 0;
  for (const auto& c : result.clusters) {
    if (shown >= 40) break;
    if (c.level == "low" && shown >= 10) break;
    ++shown;
    h += fmt::format(
        "<section class=\"cluster\" id=\"{0}\"><h3>{0} — <span class=\"{1}\">{1} {2:.0f}</span> "
        "{3} ({4} workers)</h3>",
        Esc(c.id), Esc(c.level), c.score, Esc(c.pattern), c.members.size());
    h += ClusterSvg(data, result, c);
    if (c.members.size() > kMaxGraphNodes)
      h += fmt::format("<p>Graph shows the first {} members.</p>", kMaxGraphNodes);
    h +=
        "<table><tr><th>worker</th><th>name</th><th>claims</th><th>score</th><th>pattern</th></tr>";
    for (uint32_t m : c.members) {
      const WorkerRisk& r = result.workers[m];
      const Worker& x = data.workers[m];
      h += fmt::format(
          "<tr><td><a href=\"#w-{0}\">{0}</a></td><td>{1}</td><td>{2}</td><td class=\"{3}\">{4:.0f}"
          "</td><td>{5}</td></tr>",
          Esc(x.id), Esc(x.name), Esc(x.country), Esc(r.level), r.score, Esc(r.pattern));
    }
    h += "</table><table><tr><th>link</th><th>evidence</th><th>strength</th></tr>";
    for (const auto& e : c.edges) {
      std::string ev;
      for (const auto& x : e.evidence)
        ev +=
            fmt::format("<div><b>{}</b>: {} ({:.2f})</div>", Esc(x.kind), Esc(x.value), x.strength);
      h += fmt::format("<tr><td>{} – {}</td><td>{}</td><td>{:.2f}</td></tr>",
                       Esc(data.workers[e.a].id), Esc(data.workers[e.b].id), ev, e.strength);
    }
    h += "</table><p>Cluster evidence:</p>" + ReasonList(nullptr, c.reasons) + "</section>";
  }
  if (result.clusters.empty()) h += "<p>No linked workers.</p>";

  h += "<h2>Workers at risk</h2><table><tr><th>worker</th><th>name</th><th>claims</th>"
       "<th>score</th><th>pattern</th><th>cluster</th><th>reasons</th></tr>";
  std::vector<const WorkerRisk*> ranked;
  for (const auto& w : result.workers)
    if (w.level != "low") ranked.push_back(&w);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const WorkerRisk* a, const WorkerRisk* b) { return a->score > b->score; });
  if (ranked.size() > 500) ranked.resize(500);
  for (const WorkerRisk* r : ranked) {
    const Worker& x = data.workers[r->worker];
    std::string cluster =
        r->cluster >= 0 ? result.clusters[static_cast<size_t>(r->cluster)].id : std::string();
    h += fmt::format(
        "<tr id=\"w-{0}\"><td>{0}</td><td>{1}</td><td>{2}</td><td class=\"{3}\">{4:.0f}</td>"
        "<td>{5}</td><td>{6}</td><td>{7}</td></tr>",
        Esc(x.id), Esc(x.name), Esc(x.country), Esc(r->level), r->score, Esc(r->pattern),
        cluster.empty() ? "" : "<a href=\"#" + Esc(cluster) + "\">" + Esc(cluster) + "</a>",
        ReasonList(nullptr, r->reasons));
  }
  h += "</table>";
  if (ranked.size() == 500) h += "<p>The 500 highest scores; workers.jsonl has every worker.</p>";

  if (!result.exposure.empty()) {
    h += "<h2>Sanctions exposure</h2><table><tr><th>worker</th><th>field</th><th>value</th>"
         "<th>listed entity</th><th>datasets</th><th>score</th></tr>";
    for (const auto& e : result.exposure)
      h += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} ({})</td><td>{}</td><td>{:.2f}</td></tr>",
          Esc(data.workers[e.worker].id), Esc(e.field), Esc(e.value), Esc(e.entity_caption),
          Esc(e.entity_id), Esc(Join(e.datasets, ", ")), e.score);
    h += "</table>";
  }

  h += "<h2>Rules</h2><table><tr><th>rule</th><th>workers</th><th>clusters</th></tr>";
  for (const auto& s : result.rule_stats)
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", Esc(s.rule_id), s.workers,
                     s.clusters);
  h += "</table>";

  if (data.problem_count > 0) {
    h += fmt::format("<h2>Input problems ({})</h2><ul>", data.problem_count);
    for (size_t i = 0; i < data.problems.size() && i < 200; ++i)
      h += "<li><code>" + Esc(data.problems[i].where) + "</code> " + Esc(data.problems[i].message) +
           "</li>";
    h += "</ul>";
    if (data.problem_count > 200) h += "<p>problems.jsonl lists them all.</p>";
  }
  h += "</body></html>\n";
  return h;
}

Status WriteReport(const Dataset& data, const ScanResult& result, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  std::string out;
  for (const auto& r : result.workers) {
    const Worker& x = data.workers[r.worker];
    json j = {{"worker_id", x.id},
              {"name", x.name},
              {"claimed_country", x.country},
              {"score", Round1(r.score)},
              {"own_score", Round1(r.own_score)},
              {"level", r.level},
              {"pattern", r.pattern},
              {"cluster", r.cluster >= 0 ? json(result.clusters[static_cast<size_t>(r.cluster)].id)
                                         : json(nullptr)},
              {"reasons", ReasonsJson(r.reasons)}};
    out += Dump(j) + "\n";
  }
  VIGIL_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(dir, "workers.jsonl"), out));
  out.clear();
  for (const auto& c : result.clusters) {
    json members = json::array(), edges = json::array();
    for (uint32_t m : c.members) members.push_back(data.workers[m].id);
    for (const auto& e : c.edges) {
      json ev = json::array();
      for (const auto& x : e.evidence)
        ev.push_back(
            {{"kind", x.kind}, {"value", x.value}, {"strength", Round1(x.strength * 100) / 100}});
      edges.push_back({{"a", data.workers[e.a].id},
                       {"b", data.workers[e.b].id},
                       {"strength", Round1(e.strength * 100) / 100},
                       {"evidence", ev}});
    }
    json j = {{"cluster_id", c.id},
              {"score", Round1(c.score)},
              {"level", c.level},
              {"pattern", c.pattern},
              {"members", members},
              {"edges", edges},
              {"reasons", ReasonsJson(c.reasons)}};
    out += Dump(j) + "\n";
  }
  VIGIL_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(dir, "clusters.jsonl"), out));
  out.clear();
  for (const auto& e : result.exposure) {
    json j = {{"worker_id", data.workers[e.worker].id},
              {"field", e.field},
              {"value", e.value},
              {"entity_id", e.entity_id},
              {"entity_caption", e.entity_caption},
              {"datasets", e.datasets},
              {"score", Round1(e.score * 100) / 100}};
    out += Dump(j) + "\n";
  }
  VIGIL_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(dir, "exposure.jsonl"), out));
  out.clear();
  for (const auto& p : data.problems)
    out += Dump({{"where", p.where}, {"message", p.message}}) + "\n";
  VIGIL_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(dir, "problems.jsonl"), out));
  VIGIL_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(dir, "summary.json"), SummaryJson(data, result)));
  return WriteFileAtomic(JoinPath(dir, "report.html"), RenderHtmlReport(data, result));
}

}  // namespace vigil::workforce
