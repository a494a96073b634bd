#include "vigil/monitor.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "core/io.h"
#include "match/query_json.h"
#include "test_util.h"
#include "vigil/audit.h"

namespace vigil {
namespace {

std::string UnPath(const char* date) {
  return vigil::testing::SharedData(std::string("lists/un_sc/consolidated-") + date + ".xml");
}

Counterparty Person(const std::string& id, const std::string& name, const std::string& kind) {
  Counterparty c;
  c.id = id;
  c.kind = kind;
  c.query.schema = "Person";
  c.query.names = {name};
  return c;
}

std::vector<MonitorAlert> AlertsOf(Monitor& m, MonitorAlertFilter f = {}) {
  auto r = m.Alerts(f);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<MonitorAlert>{};
}

// (counterparty, entity, entity hash, status) of every alert.
using AlertKey = std::tuple<std::string, std::string, std::string, std::string>;
std::set<AlertKey> AlertSet(Monitor& m) {
  std::set<AlertKey> out;
  for (const auto& a : AlertsOf(m))
    out.insert({a.counterparty_id, a.entity_id, a.entity_hash, a.status});
  return out;
}

class MonitorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto nov = OpenCatalogOrList(UnPath("2025-11-18"));
    auto feb = OpenCatalogOrList(UnPath("2026-02-27"));
    ASSERT_TRUE(nov.ok() && feb.ok());
    nov_ = new std::shared_ptr<const Catalog>(*nov);
    feb_ = new std::shared_ptr<const Catalog>(*feb);
  }
  void SetUp() override {
    dir_ = vigil::testing::TempDir();
    auto m = Monitor::Open(dir_ + "/vigil.db");
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    monitor_ = std::move(*m);
    options_.jobs = 2;
    options_.chunk_size = 3;
  }
  static std::vector<Counterparty> UnPair() {
    return {
        Person("c-dagalo", "Abdul Rahim Hamdan Dagalo", "customer"),  // added 2026-02 (SDi.008)
        Person("c-ri", "Ri Won Ho", "worker"),                        // listed in both (KPi.033)
        Person("c-qubaysi", "Munir al Qubaysi", "vendor"),            // removed 2026-02 (IQi.074)
        Person("c-prophane", "Victor Prophane", "payee"),             // notes changed (HTi.006)
        Person("c-clean", "Margarethe Vandersloot", "customer"),
        Person("c-clean2", "Tomasz Wierzbicki", "worker"),
    };
  }
  static std::shared_ptr<const Catalog>* nov_;
  static std::shared_ptr<const Catalog>* feb_;
  std::string dir_;
  std::unique_ptr<Monitor> monitor_;
  MonitorRunOptions options_;
};
std::shared_ptr<const Catalog>* MonitorTest::nov_ = nullptr;
std::shared_ptr<const Catalog>* MonitorTest::feb_ = nullptr;

TEST_F(MonitorTest, UnListUpdateAlertsOnlyWhatTheChangeAffects) {
  auto added = monitor_->Add(UnPair());
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->added, 6u);

  // Baseline: everyone in full against November.
  auto first = monitor_->Run(*nov_, options_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->old_version.empty());
  EXPECT_EQ(first->screened_full, 6u);
  EXPECT_EQ(first->screened_delta, 0u);
  std::map<std::string, MonitorAlert> before;
  for (const auto& a : AlertsOf(*monitor_)) before[a.counterparty_id + " " + a.entity_id] = a;
  ASSERT_TRUE(before.count("c-ri un_sc_sanctions:KPi.033"));
  ASSERT_TRUE(before.count("c-qubaysi un_sc_sanctions:IQi.074"));
  ASSERT_TRUE(before.count("c-prophane un_sc_sanctions:HTi.006"));
  for (const auto& [k, a] : before) {
    EXPECT_NE(a.counterparty_id, "c-dagalo");
    EXPECT_NE(a.counterparty_id, "c-clean");
    EXPECT_EQ(a.reason, "new counterparty");
    EXPECT_EQ(a.status, "open");
  }
  EXPECT_EQ(first->new_alerts, before.size());

  // The real update: 4 added, 1 removed, 2 changed.
  auto second = monitor_->Run(*feb_, options_);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->old_version, (*nov_)->version());
  EXPECT_EQ(second->entities_added, 4u);
  EXPECT_EQ(second->entities_removed, 1u);
  EXPECT_EQ(second->entities_changed, 2u);
  EXPECT_EQ(second->screened_full, 0u);
  EXPECT_EQ(second->screened_delta, 6u);
  EXPECT_EQ(second->new_alerts, 1u);
  EXPECT_EQ(second->updated_alerts, 1u);   // c-prophane's alert follows the edited entry
  EXPECT_EQ(second->resolved_alerts, 1u);  // c-qubaysi's entity left the list

  auto new_alerts = AlertsOf(*monitor_, {second->run_id, "", ""});
  std::vector<MonitorAlert> fresh;
  for (const auto& a : new_alerts)
    if (a.reason == "entity added") fresh.push_back(a);
  ASSERT_EQ(fresh.size(), 1u);
  EXPECT_EQ(fresh[0].counterparty_id, "c-dagalo");
  EXPECT_EQ(fresh[0].entity_id, "un_sc_sanctions:SDi.008");
  EXPECT_EQ(fresh[0].counterparty_kind, "customer");
  EXPECT_GE(fresh[0].score, 0.8);

  // Nothing else changed: the other alerts are the same rows as before.
  for (const auto& a : AlertsOf(*monitor_)) {
    std::string k = a.counterparty_id + " " + a.entity_id;
    if (a.counterparty_id == "c-dagalo") continue;
    ASSERT_TRUE(before.count(k)) << k;
    const MonitorAlert& b = before[k];
    EXPECT_EQ(a.id, b.id);
    if (a.entity_id == "un_sc_sanctions:IQi.074") {
      EXPECT_EQ(a.status, "resolved");
      EXPECT_NE(a.resolution.find("removed from the list"), std::string::npos);
    } else if (a.entity_id == "un_sc_sanctions:HTi.006") {
      EXPECT_EQ(a.status, "open");
      EXPECT_EQ(a.reason, "entity changed");
      EXPECT_NE(a.entity_hash, b.entity_hash);
    } else {
      EXPECT_EQ(a.status, "open");
      EXPECT_EQ(a.entity_hash, b.entity_hash);
      EXPECT_EQ(a.audit_seq, b.audit_seq);
      EXPECT_EQ(a.run_id, first->run_id);
    }
  }

  // Same catalog again: nothing to do.
  auto third = monitor_->Run(*feb_, options_);
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(third->up_to_date);

  // Delta re-screening gives what a full screening against February gives.
  auto fresh_monitor = std::move(*Monitor::Open(dir_ + "/full.db"));
  ASSERT_TRUE(fresh_monitor->Add(UnPair()).ok());
  ASSERT_TRUE(fresh_monitor->Run(*feb_, options_).ok());
  std::set<std::tuple<std::string, std::string, std::string>> delta_open, full_open;
  for (const auto& a : AlertsOf(*monitor_, {0, "open", ""}))
    delta_open.insert({a.counterparty_id, a.entity_id, a.entity_hash});
  for (const auto& a : AlertsOf(*fresh_monitor, {0, "open", ""}))
    full_open.insert({a.counterparty_id, a.entity_id, a.entity_hash});
  EXPECT_EQ(delta_open, full_open);

  // Every alert is in the audit trail, exactly once, and the chain holds.
  auto store = std::move(*Store::Open(dir_ + "/vigil.db"));
  std::ostringstream out;
  AuditExportOptions eo;
  eo.kind = "monitor_alert";
  EXPECT_EQ(*store->Export(eo, out), first->new_alerts + 1 + 1);  // + new + carried over
  eo.kind = "monitor_run";
  EXPECT_EQ(*store->Export(eo, out), 2u);
  EXPECT_TRUE(store->Verify()->ok());
}

TEST_F(MonitorTest, NewAndChangedCounterpartiesAreScreenedInFull) {
  ASSERT_TRUE(monitor_->Add(UnPair()).ok());
  ASSERT_TRUE(monitor_->Run(*feb_, options_).ok());
  // Unchanged data: nothing to screen.
  auto again = monitor_->Add({Person("c-ri", "Ri Won Ho", "worker")});
  EXPECT_EQ(again->unchanged, 1u);
  EXPECT_TRUE(monitor_->Run(*feb_, options_)->up_to_date);
  // New data for c-clean now matches; a new counterparty too.
  auto changed = monitor_->Add({Person("c-clean", "Ri Won Ho", "customer"),
                                Person("c-new", "Abdul Rahim Hamdan Dagalo", "payee")});
  EXPECT_EQ(changed->updated, 1u);
  EXPECT_EQ(changed->added, 1u);
  EXPECT_EQ(monitor_->GetStatus()->never_screened, 2u);
  auto run = monitor_->Run(*feb_, options_);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->screened_full, 2u);
  EXPECT_EQ(run->screened_delta, 0u);
  EXPECT_EQ(run->new_alerts, 2u);
  auto alerts = AlertsOf(*monitor_, {run->run_id, "", ""});
  std::set<std::string> who;
  for (const auto& a : alerts) who.insert(a.counterparty_id + " " + a.entity_id);
  EXPECT_TRUE(who.count("c-clean un_sc_sanctions:KPi.033"));
  EXPECT_TRUE(who.count("c-new un_sc_sanctions:SDi.008"));
  // Removing a counterparty resolves its alerts.
  ASSERT_TRUE(monitor_->Remove("c-new").ok());
  EXPECT_EQ(AlertsOf(*monitor_, {0, "", "c-new"})[0].status, "resolved");
  EXPECT_EQ(monitor_->Remove("c-new").code(), Status::Code::kNotFound);
}

TEST_F(MonitorTest, FalsePositiveDecisionSuppressesTheSameQueryAndEntity) {
  ASSERT_TRUE(monitor_->Add({Person("c-1", "Abdul Rahim Hamdan Dagalo", "customer")}).ok());
  ASSERT_TRUE(monitor_->Run(*feb_, options_).ok());
  auto alerts = AlertsOf(*monitor_);
  ASSERT_EQ(alerts.size(), 1u);
  auto store = std::move(*Store::Open(dir_ + "/vigil.db"));
  auto d = store->DecideOnRecord(alerts[0].audit_seq, "un_sc_sanctions:SDi.008",
                                 CaseDecision::Verdict::kFalsePositive,
                                 "different date of birth (1991-04-02)", "analyst:bo");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(AlertsOf(*monitor_)[0].review, "false_positive");
  // Another counterparty with the very same data: suppressed, no alert.
  ASSERT_TRUE(monitor_->Add({Person("c-2", "Abdul Rahim Hamdan Dagalo", "customer")}).ok());
  auto run = monitor_->Run(*feb_, options_);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->new_alerts, 0u);
  EXPECT_EQ(run->suppressed, 1u);
  // The entry changes on the list: the decision lapses and c-1 alerts again.
  std::vector<Entity> entities = (*feb_)->entities();
  for (auto& e : entities)
    if (e.id() == "un_sc_sanctions:SDi.008") e.Add(prop::kBirthDate, "1991-04-02");
  auto edited = Catalog::Create((*feb_)->sources(), std::move(entities));
  run = monitor_->Run(edited, options_);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->entities_changed, 1u);
  EXPECT_EQ(run->new_alerts, 1u);      // c-2: its match was suppressed, never alerted
  EXPECT_EQ(run->updated_alerts, 1u);  // c-1: the open alert follows the new entry
  for (const auto& a : AlertsOf(*monitor_, {0, "open", ""})) EXPECT_EQ(a.review, "");
}

TEST(Counterparties, ParseCsvAndJsonLinesWithClearErrors) {
  auto csv = ParseCounterparties(
      "id,name,kind,birth_date,country\nc1,Kim Jong Un,worker,1984,North Korea\nc2,ACME "
      "Ltd,,,\n",
      "cps.csv", true, "customer");
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  ASSERT_EQ(csv->size(), 2u);
  EXPECT_EQ((*csv)[0].id, "c1");
  EXPECT_EQ((*csv)[0].kind, "worker");
  EXPECT_EQ((*csv)[0].query.countries[0], "kp");
  EXPECT_EQ((*csv)[1].kind, "customer");
  auto no_id = ParseCounterparties("name\nKim\n", "cps.csv", true, "customer");
  EXPECT_NE(no_id.status().message().find("missing column \"id\""), std::string::npos);
  auto empty_id = ParseCounterparties("id,name\n,Kim\n", "cps.csv", true, "customer");
  EXPECT_NE(empty_id.status().message().find("cps.csv:2: empty id"), std::string::npos);
  auto jsonl = ParseCounterparties(
      "{\"id\":\"v1\",\"kind\":\"vendor\",\"schema\":\"Company\",\"properties\":{\"name\":[\"X "
      "Trading\"]}}\n\n{\"schema\":\"Person\",\"properties\":{\"name\":[\"Y\"]}}\n",
      "cps.jsonl", false, "customer");
  EXPECT_NE(jsonl.status().message().find("cps.jsonl:3: a counterparty needs an \"id\""),
            std::string::npos)
      << jsonl.status().ToString();
  auto bad = ParseCounterparties("{\"id\":1,", "cps.jsonl", false, "customer");
  EXPECT_NE(bad.status().message().find("cps.jsonl:1: malformed JSON"), std::string::npos);
}

// The CLI is killed with SIGKILL in the middle of a run; the next run
// completes it and every alert exists exactly once.
TEST(MonitorKill, KilledRunResumesExactlyOnce) {
  std::string dir = vigil::testing::TempDir();
  auto nov = OpenCatalogOrList(UnPath("2025-11-18"));
  ASSERT_TRUE(nov.ok());
  // 40 counterparties: 30 names from the list (alerts spread over chunks),
  // the February addition, and 9 that match nothing.
  std::string csv = "id,name,kind\n";
  int n = 0;
  for (const auto& e : (*nov)->entities()) {
    if (n == 30) break;
    if (e.schema() != "Person") continue;
    std::string name = e.caption();
    if (name.find_first_of(",\"") != std::string::npos) continue;
    csv += "p" + std::to_string(n++) + "," + name + ",customer\n";
  }
  csv += "dagalo,Abdul Rahim Hamdan Dagalo,payee\n";
  for (int i = 0; i < 9; ++i)
    csv += "z" + std::to_string(i) + ",Zorblax Quentworth " + std::string(1, char('a' + i)) +
           ",vendor\n";
  ASSERT_TRUE(WriteFileAtomic(dir + "/cps.csv", csv).ok());

  const std::string vigil = vigil::testing::VigilBinary();
  auto run = [&](const std::string& db, const std::string& env, const char* date,
                 std::string* out) {
    return vigil::testing::RunCommand(env + " " + vigil + " monitor run --db " + db +
                                          " --catalog " + UnPath(date) +
                                          " --chunk-size 4 --jobs 2 --json 2>&1",
                                      out);
  };
  std::string out;
  for (const char* db : {"killed.db", "reference.db"})
    ASSERT_EQ(
        vigil::testing::RunCommand(
            vigil + " monitor add " + dir + "/cps.csv --db " + dir + "/" + db + " 2>&1", &out),
        0)
        << out;
  const std::string killed = dir + "/killed.db", reference = dir + "/reference.db";

  for (const char* date : {"2025-11-18", "2026-02-27"}) {
    SCOPED_TRACE(date);
    // Killed in the middle of the third chunk (two committed).
    int rc = run(killed, "VIGIL_MONITOR_KILL_AFTER_CHUNKS=2", date, &out);
    EXPECT_NE(rc, 0) << out;
    EXPECT_EQ(out.find("run_id"), std::string::npos) << "the run was not killed: " << out;
    {
      auto m = std::move(*Monitor::Open(killed));
      EXPECT_GT(m->GetStatus()->unfinished_run, 0);
    }
    ASSERT_EQ(run(killed, "", date, &out), 0) << out;
    auto resumed = nlohmann::json::parse(out.substr(out.find('{')));
    EXPECT_EQ(resumed["resumed"], true);
    ASSERT_EQ(run(reference, "", date, &out), 0) << out;
    auto ref = nlohmann::json::parse(out.substr(out.find('{')));
    EXPECT_EQ(ref["resumed"], false);
    EXPECT_EQ(resumed["new_alerts"], ref["new_alerts"]);
    EXPECT_EQ(resumed["screened_full"], ref["screened_full"]);
    EXPECT_EQ(resumed["screened_delta"], ref["screened_delta"]);
  }
  auto a = std::move(*Monitor::Open(killed));
  auto b = std::move(*Monitor::Open(reference));
  auto alerts_a = AlertsOf(*a);
  auto alerts_b = AlertsOf(*b);
  EXPECT_EQ(alerts_a.size(), alerts_b.size());
  EXPECT_GE(alerts_a.size(), 25u);
  EXPECT_EQ(AlertSet(*a), AlertSet(*b));
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& x : alerts_a) EXPECT_TRUE(pairs.insert({x.counterparty_id, x.entity_id}).second);
  bool dagalo = false;
  for (const auto& x : alerts_a)
    dagalo |= x.counterparty_id == "dagalo" && x.reason == "entity added";
  EXPECT_TRUE(dagalo);
  // The audit trail saw each alert once too.
  auto store = std::move(*Store::Open(killed));
  std::ostringstream sink;
  AuditExportOptions eo;
  eo.kind = "monitor_alert";
  auto store_b = std::move(*Store::Open(reference));
  std::ostringstream sink_b;
  EXPECT_EQ(*store->Export(eo, sink), *store_b->Export(eo, sink_b));
  EXPECT_TRUE(store->Verify()->ok());
  // The CLI lists them.
  ASSERT_EQ(
      vigil::testing::RunCommand(vigil + " monitor alerts --status open --db " + killed, &out), 0);
  EXPECT_NE(out.find("un_sc_sanctions:SDi.008"), std::string::npos) << out;
}

}  // namespace
}  // namespace vigil
