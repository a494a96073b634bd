#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/io.h"
#include "test_util.h"
#include "vigil/workforce.h"

namespace vigil::workforce {
namespace {

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

bool HasProblem(const Dataset& d, const std::string& where, const std::string& words) {
  for (const auto& p : d.problems)
    if (p.where == where && p.message.find(words) != std::string::npos) return true;
  return false;
}

TEST(WorkforceLoad, ParsesTimesAndZones) {
  int64_t t = 0;
  ASSERT_TRUE(ParseTime("2024-03-05", &t));
  EXPECT_EQ(FormatTime(t), "2024-03-05T00:00:00Z");
  ASSERT_TRUE(ParseTime("2024-03-05T10:20:30Z", &t));
  EXPECT_EQ(t, 1709634030);
  ASSERT_TRUE(ParseTime("2024-03-05 19:20:30+09:00", &t));
  EXPECT_EQ(FormatTime(t), "2024-03-05T10:20:30Z");
  ASSERT_TRUE(ParseTime("2024-03-05T10:20:30.123-0500", &t));
  EXPECT_EQ(FormatTime(t), "2024-03-05T15:20:30Z");
  ASSERT_TRUE(ParseTime("1709634030", &t));
  EXPECT_EQ(FormatTime(t), "2024-03-05T10:20:30Z");
  ASSERT_TRUE(ParseTime("1709634030000", &t));  // milliseconds
  EXPECT_EQ(t, 1709634030);
  for (const char* bad : {"", "yesterday", "2024-02-30", "2023-02-29", "2024-13-01",
                          "2024-03-05T25:00", "2024-03-05Tfoo", "05/03/2024", "123"})
    EXPECT_FALSE(ParseTime(bad, &t)) << bad;

  int32_t m = 0;
  ASSERT_TRUE(ParseUtcOffset("Asia/Seoul", &m));
  EXPECT_EQ(m, 540);
  ASSERT_TRUE(ParseUtcOffset("america/new_york", &m));
  EXPECT_EQ(m, -300);
  ASSERT_TRUE(ParseUtcOffset("UTC+5:30", &m));
  EXPECT_EQ(m, 330);
  ASSERT_TRUE(ParseUtcOffset("GMT-8", &m));
  EXPECT_EQ(m, -480);
  ASSERT_TRUE(ParseUtcOffset("+0900", &m));
  EXPECT_EQ(m, 540);
  ASSERT_TRUE(ParseUtcOffset("KST", &m));
  EXPECT_EQ(m, 540);
  EXPECT_FALSE(ParseUtcOffset("Mars/Olympus", &m));
  EXPECT_FALSE(ParseUtcOffset("UTC+25", &m));
}

TEST(WorkforceLoad, ReadsFreeTextColumns) {
  EXPECT_EQ(ParseNetwork("VPN (Astrill)"), Network::kVpn);
  EXPECT_EQ(ParseNetwork("Datacenter"), Network::kHosting);
  EXPECT_EQ(ParseNetwork("mobile/LTE"), Network::kMobile);
  EXPECT_EQ(ParseNetwork("Residential ISP"), Network::kResidential);
  EXPECT_EQ(ParseNetwork("co-working office"), Network::kBusiness);
  EXPECT_EQ(ParseNetwork("Tor"), Network::kTor);
  EXPECT_EQ(ParseNetwork("Victoria broadband"), Network::kResidential);
  EXPECT_EQ(ParseNetwork("??"), Network::kUnknown);
  EXPECT_EQ(ParseRemoteKind("PiKVM"), RemoteKind::kIpKvm);
  EXPECT_EQ(ParseRemoteKind("TinyPilot"), RemoteKind::kIpKvm);
  EXPECT_EQ(ParseRemoteKind("Chrome Remote Desktop"), RemoteKind::kSoftware);
  EXPECT_EQ(ParseRemoteKind("none"), RemoteKind::kNone);
  EXPECT_EQ(ParseRemoteKind(""), RemoteKind::kNone);
  EXPECT_EQ(ParsePayMethod("USDT (TRC-20)"), PayMethod::kCrypto);
  EXPECT_EQ(ParsePayMethod("wire transfer"), PayMethod::kBank);
  EXPECT_EQ(ParsePayMethod("Payoneer"), PayMethod::kService);
  EXPECT_EQ(ParsePayMethod("card"), PayMethod::kCard);
}

TEST(WorkforceLoad, MissingColumnsAreNotErrors) {
  Dataset d;
  ParseCsvText(FileKind::kWorkers, "id,name\nW1,Ann Lee\nW2,Bo Chen\n", "workers.csv", &d);
  ParseCsvText(FileKind::kLogins, "worker_id,time\nW1,2024-01-02T09:00:00Z\n", "logins.csv", &d);
  EXPECT_EQ(d.problem_count, 0u);
  ASSERT_EQ(d.workers.size(), 2u);
  EXPECT_EQ(d.workers[1].name, "Bo Chen");
  EXPECT_TRUE(d.workers[1].email.empty());
  ASSERT_EQ(d.logins.size(), 1u);
  EXPECT_EQ(d.logins[0].ip, 0u);
  EXPECT_TRUE(d.HasColumn(FileKind::kWorkers, "name"));
  EXPECT_FALSE(d.HasColumn(FileKind::kWorkers, "email"));
  EXPECT_FALSE(d.HasColumn(FileKind::kLogins, "ip"));
}

TEST(WorkforceLoad, BadRowsAreReportedWithFileAndLineAndSkipped) {
  Dataset d;
  ParseCsvText(FileKind::kWorkers,
               "id,name,country,timezone,hire_date\n"
               "W1,Ann Lee,US,America/Chicago,2023-05-01\n"
               ",No Id,US,,\n"                          // line 3: no id
               "W1,Again,US,,\n"                        // line 4: duplicate
               "W2,Bo Chen,Narnia,Mars/Base,someday\n"  // line 5: values ignored, row kept
               "W3,Too,Many,Fields,Here,Extra\n",       // line 6: field count
               "workers.csv", &d);
  ASSERT_EQ(d.workers.size(), 2u);
  EXPECT_TRUE(HasProblem(d, "workers.csv:3", "no worker id"));
  EXPECT_TRUE(HasProblem(d, "workers.csv:4", "duplicate worker id 'W1'"));
  EXPECT_TRUE(HasProblem(d, "workers.csv:5", "unknown country 'Narnia'"));
  EXPECT_TRUE(HasProblem(d, "workers.csv:5", "unknown time zone 'Mars/Base'"));
  EXPECT_TRUE(HasProblem(d, "workers.csv:5", "bad hire_date 'someday'"));
  EXPECT_TRUE(HasProblem(d, "workers.csv:6", "expected 5 fields, found 6"));
  EXPECT_EQ(d.workers[0].utc_offset_minutes, -360);
  EXPECT_TRUE(d.workers[0].utc_offset_known);
  EXPECT_EQ(d.workers[1].country, "");
  EXPECT_EQ(d.workers[1].hire_time, kNoTime);

  ParseCsvText(FileKind::kLogins,
               "worker_id,time,ip,ip_country\n"
               "W1,2024-01-02T09:00:00Z,1.2.3.4,US\n"
               "W1,not a time,1.2.3.4,US\n"            // line 3
               "W9,2024-01-02T09:00:00Z,1.2.3.4,US\n"  // line 4: unknown worker
               "W2,2024-01-02T09:00:00Z,1.2.3.4,Germany\n",
               "logins.csv", &d);
  ASSERT_EQ(d.logins.size(), 2u);
  EXPECT_EQ(UnpackCountry(d.logins[1].country), "de");
  EXPECT_TRUE(HasProblem(d, "logins.csv:3", "bad time 'not a time'"));
  EXPECT_TRUE(HasProblem(d, "logins.csv:4", "unknown worker id 'W9'"));

  ParseCsvText(FileKind::kPayments,
               "worker_id,date,amount,account\n"
               "W1,2024-01-02,\"1,250.50\",123456\n"
               "W1,2024-01-02,lots,123456\n",  // line 3
               "payments.csv", &d);
  ASSERT_EQ(d.payments.size(), 1u);
  EXPECT_DOUBLE_EQ(d.payments[0].amount, 1250.5);
  EXPECT_TRUE(HasProblem(d, "payments.csv:3", "bad amount 'lots'"));

  // An unterminated quote stops the file at that record, reported.
  ParseCsvText(FileKind::kShipments,
               "worker_id,date,address\nW1,2024-01-02,\"1 Main St\nW1,2024-01-03,2 Main St\n",
               "shipments.csv", &d);
  EXPECT_TRUE(d.shipments.empty());
  bool stopped = false;
  for (const auto& p : d.problems)
    stopped = stopped || (p.where.rfind("shipments.csv:", 0) == 0 &&
                          p.message.find("rest of file skipped") != std::string::npos);
  EXPECT_TRUE(stopped);
}

TEST(WorkforceLoad, HeaderAliasesAndDerivedValues) {
  Dataset d;
  ParseCsvText(FileKind::kWorkers, "Worker ID,Full Name,Claimed Country\nW1,Ann Lee,Canada\n",
               "workers.csv", &d);
  ASSERT_EQ(d.workers.size(), 1u);
  EXPECT_EQ(d.workers[0].country, "ca");
  ParseCsvText(FileKind::kLogins,
               "Worker,Timestamp,IP Address,Country,Network Type,Device,MFA Device,Remote Access "
               "Tool\nW1,2024-01-02T09:00:00Z,5.6.7.8,CN,VPN (Astrill),D1,M1,AnyDesk\n",
               "logins.csv", &d);
  ASSERT_EQ(d.logins.size(), 1u);
  const Login& l = d.logins[0];
  EXPECT_EQ(l.network, Network::kVpn);
  EXPECT_EQ(d.labels.Get(l.vpn_provider), "astrill");
  EXPECT_EQ(d.strings.Get(l.device), "D1");
  EXPECT_EQ(l.remote, RemoteKind::kSoftware);
  EXPECT_EQ(UnpackCountry(l.country), "cn");
  ParseCsvText(FileKind::kPayments,
               "worker_id,date,account,swift,method\n"
               "W1,2024-02-01,62220212345678,BKCHCNBJ,\n"
               "W1,2024-03-01,DE89 3704 0044 0532 0130 00,,\n"
               "W1,2024-04-01,0x97b1043abd9e6fc31681635166d430a458d14f9c,,\n",
               "payments.csv", &d);
  ASSERT_EQ(d.payments.size(), 3u);
  EXPECT_EQ(UnpackCountry(d.payments[0].bank_country), "cn");  // from the BIC
  EXPECT_EQ(UnpackCountry(d.payments[1].bank_country), "de");  // from the IBAN
  EXPECT_EQ(d.payments[2].method, PayMethod::kCrypto);         // wallet shape
  EXPECT_EQ(d.problem_count, 0u);
}

TEST(WorkforceLoad, WithoutWorkerFileWorkersComeFromOtherFiles) {
  Dataset d;
  ParseCsvText(FileKind::kLogins, "worker_id,time\nA,2024-01-02\nB,2024-01-02\nA,2024-01-03\n",
               "logins.csv", &d);
  EXPECT_EQ(d.workers.size(), 2u);
  EXPECT_EQ(d.logins.size(), 3u);
  EXPECT_EQ(d.problem_count, 0u);
}

TEST(WorkforceLoad, FolderWithGzipFtmAndVersions) {
  std::string dir = testing::TempDir();
  Write(dir + "/workers.csv", "id,name,country\nW1,Ann Lee,US\n");
  auto gz = Gzip("worker_id,time,ip\nW1,2024-01-02T09:00:00Z,1.2.3.4\n");
  ASSERT_TRUE(gz.ok());
  Write(dir + "/logins.csv.gz", *gz);
  Write(
      dir + "/people.ftm.json",
      R"({"id":"p1","schema":"Person","properties":{"name":["Bo Chen"],"country":["cn"],"email":["bo@example.com"],"addressEntity":["a1"],"website":["https://github.com/bochen"]}}
{"id":"a1","schema":"Address","properties":{"full":["1 Main St, Shenzhen"],"city":["Shenzhen"]}}
{"id":"acc1","schema":"BankAccount","properties":{"accountNumber":["6222"],"bankName":["Bank of China"],"bic":["BKCHCNBJ"]}}
{"id":"own1","schema":"Ownership","properties":{"owner":["x1"],"asset":["acc1"]}}
{"id":"x1","schema":"Person","properties":{"name":["Li Wei"]}}
{"id":"e1","schema":"Employment","properties":{"employee":["p1"],"employer":["Acme"],"startDate":["2023-04-01"],"endDate":["2024-05-01"],"status":["banned by platform"]}}
{"id":"pay1","schema":"Payment","properties":{"beneficiary":["p1"],"beneficiaryAccount":["acc1"],"amount":["900"],"currency":["usd"],"date":["2024-05-10"]}}
this is not json
{"id":"pay2","schema":"Payment","properties":{"beneficiary":["nobody"],"amount":["1"]}}
)");
  Write(dir + "/labels.csv", "ignored\n");
  auto d = LoadDataset(dir);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->logins.size(), 1u);
  int64_t p1 = d->WorkerIndex("p1");
  ASSERT_GE(p1, 0);
  const Worker& w = d->workers[static_cast<size_t>(p1)];
  EXPECT_EQ(w.country, "cn");
  EXPECT_EQ(w.address, "1 Main St, Shenzhen");
  EXPECT_EQ(w.github, "https://github.com/bochen");
  EXPECT_EQ(w.platform, "Acme");
  EXPECT_EQ(FormatDate(w.ban_time), "2024-05-01");
  ASSERT_EQ(d->payments.size(), 1u);
  const Payment& p = d->payments[0];
  EXPECT_EQ(d->strings.Get(p.holder), "Li Wei");
  EXPECT_EQ(d->strings.Get(p.bank), "Bank of China");
  EXPECT_EQ(UnpackCountry(p.bank_country), "cn");
  EXPECT_EQ(d->strings.Get(p.currency), "USD");
  EXPECT_TRUE(HasProblem(*d, "people.ftm.json:8", "not a JSON object"));
  EXPECT_TRUE(HasProblem(*d, "people.ftm.json:9", "unknown worker id 'nobody'"));

  Write(dir + "/workforce.json", R"({"format":"vigil-workforce","version":2})");
  auto newer = LoadDataset(dir);
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), Status::Code::kUnsupported);

  auto missing = LoadDataset(dir + "/nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);

  std::string empty = testing::TempDir();
  auto nothing = LoadDataset(empty);
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->workers.empty());
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(empty);
}

}  // namespace
}  // namespace vigil::workforce
