#include "vigil/matcher.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "match/eval.h"
#include "test_util.h"

namespace vigil {
namespace {

std::shared_ptr<const Catalog> SmallCatalog() {
  std::vector<Entity> entities;
  Entity kim("t:1", schema::kPerson);
  kim.Add(prop::kName, "KIM, Jong Un");
  kim.Add(prop::kBirthDate, "1984-01-08");
  kim.Add(prop::kNationality, "kp");
  kim.Add(prop::kGender, "male");
  entities.push_back(kim);
  Entity nam("t:2", schema::kPerson);
  nam.Add(prop::kName, "KIM Jong Nam");
  entities.push_back(nam);
  Entity company("t:3", schema::kCompany);
  company.Add(prop::kName, "Dandong Hongxiang Industrial Development Co., Ltd.");
  company.AddIdentifier({"registrationNumber", "210600000012345", "cn", ""});
  entities.push_back(company);
  Entity vessel("t:4", schema::kVessel);
  vessel.Add(prop::kName, "KIM JONG UN");  // a vessel named like a person
  entities.push_back(vessel);
  Entity wallet_owner("t:5", schema::kPerson);
  wallet_owner.Add(prop::kName, "Sim Hyon Sop");
  wallet_owner.AddIdentifier(
      {"cryptoWallet", "0x1234567890abcdef1234567890abcdef12345678", "", "ETH"});
  entities.push_back(wallet_owner);
  for (int i = 0; i < 50; ++i) {
    Entity filler("f:" + std::to_string(i), schema::kPerson);
    filler.Add(prop::kName, "KIM Filler" + std::string(1, static_cast<char>('a' + i % 26)) +
                                std::string(1, static_cast<char>('a' + i / 26)) + " Person");
    entities.push_back(filler);
  }
  return Catalog::Create({}, std::move(entities), "2026-01-01T00:00:00Z");
}

Query PersonQuery(std::string name) {
  Query q;
  q.schema = "Person";
  q.names = {std::move(name)};
  return q;
}

TEST(Matcher, FindsListedPersonAcrossSpellings) {
  auto m = Matcher::Create(SmallCatalog());
  for (const char* name : {"Kim Jong Un", "KIM Jong-un", "Kim Jongun", "Jong Un KIM", "김정은"}) {
    auto r = m->Match(PersonQuery(name), {});
    ASSERT_TRUE(r.ok());
    ASSERT_FALSE(r->empty()) << name;
    EXPECT_EQ(r->front().entity->id(), "t:1") << name;
    EXPECT_TRUE(r->front().match) << name << " " << r->front().score;
  }
}

TEST(Matcher, DifferentGivenNameIsNotAMatch) {
  auto m = Matcher::Create(SmallCatalog());
  auto r = m->Match(PersonQuery("Kim Jong Nam"), {});
  ASSERT_TRUE(r.ok());
  for (const auto& res : *r)
    if (res.entity->id() == "t:1") {
      EXPECT_FALSE(res.match) << res.score;
    }
  ASSERT_FALSE(r->empty());
  EXPECT_EQ(r->front().entity->id(), "t:2");
}

TEST(Matcher, SchemaMustBeCompatible) {
  auto m = Matcher::Create(SmallCatalog());
  auto r = m->Match(PersonQuery("Kim Jong Un"), {});
  ASSERT_TRUE(r.ok());
  for (const auto& res : *r) EXPECT_NE(res.entity->id(), "t:4");  // the vessel
  Query vessel_query = PersonQuery("Kim Jong Un");
  vessel_query.schema = "Vessel";
  r = m->Match(vessel_query, {});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->empty());
  EXPECT_EQ(r->front().entity->id(), "t:4");
}

TEST(Matcher, QualifiersMoveTheScore) {
  auto m = Matcher::Create(SmallCatalog());
  Query q = PersonQuery("Kim Jong Un");
  auto base = m->ScoreEntity(q, "t:1", {});
  ASSERT_TRUE(base.ok());
  q.birth_dates = {"1970"};
  auto wrong_dob = m->ScoreEntity(q, "t:1", {});
  ASSERT_TRUE(wrong_dob.ok());
  EXPECT_LT(wrong_dob->score, base->score);
  EXPECT_FALSE(wrong_dob->match);
  q.birth_dates = {"1984-01-08"};
  q.countries = {"kp"};
  auto right = m->ScoreEntity(q, "t:1", {});
  ASSERT_TRUE(right.ok());
  EXPECT_GE(right->score, base->score);
  bool saw_dob = false;
  for (const auto& f : right->explanation.features) saw_dob |= f.name == "birthDate";
  EXPECT_TRUE(saw_dob);
}

TEST(Matcher, IdentifiersDecideAlone) {
  auto m = Matcher::Create(SmallCatalog());
  Query q;
  q.schema = "LegalEntity";
  q.identifiers = {{"cryptoWallet", "0x1234567890ABCDEF1234567890ABCDEF12345678", "", ""}};
  auto r = m->Match(q, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->front().entity->id(), "t:5");
  EXPECT_DOUBLE_EQ(r->front().score, 1.0);
  EXPECT_TRUE(r->front().match);
  q.identifiers = {{"registrationNumber", "2106-0000-0012345", "", ""}};
  r = m->Match(q, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->front().entity->id(), "t:3");
}

TEST(Matcher, OrganisationLegalFormsAreDownWeighted) {
  auto m = Matcher::Create(SmallCatalog());
  Query q;
  q.schema = "Company";
  q.names = {"DANDONG HONGXIANG SHIYE FAZHAN YOUXIAN GONGSI"};
  auto r = m->Match(q, {});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->empty());
  EXPECT_EQ(r->front().entity->id(), "t:3");
  EXPECT_TRUE(r->front().match) << r->front().score;
  q.names = {"Hongxiang Trading Co Ltd"};
  r = m->Match(q, {});
  ASSERT_TRUE(r.ok());
  for (const auto& res : *r) EXPECT_FALSE(res.match) << res.entity->id() << " " << res.score;
}

TEST(Matcher, ExplanationNamesTheAliasAndTokens) {
  auto m = Matcher::Create(SmallCatalog());
  auto r = m->Match(PersonQuery("Kim Jong Un"), {});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->empty());
  const Explanation& e = r->front().explanation;
  EXPECT_EQ(e.query_name, "Kim Jong Un");
  EXPECT_EQ(e.matched_name, "KIM, Jong Un");
  EXPECT_EQ(e.tokens.size(), 3u);
}

TEST(Matcher, RejectsEmptyQuery) {
  auto m = Matcher::Create(SmallCatalog());
  Query q;
  auto r = m->Match(q, {});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
}

TEST(Matcher, FiltersDatasetsAndExcludedIds) {
  std::vector<Entity> entities;
  Entity a("a:1", schema::kPerson);
  a.Add(prop::kName, "Ivan Petrov");
  a.AddDataset("list_a");
  Entity b("b:1", schema::kPerson);
  b.Add(prop::kName, "Ivan Petrov");
  b.AddDataset("list_b");
  entities.push_back(a);
  entities.push_back(b);
  auto m = Matcher::Create(Catalog::Create({}, entities, "2026-01-01T00:00:00Z"));
  MatchOptions o;
  o.include_datasets = {"list_b"};
  auto r = m->Match(PersonQuery("Ivan Petrov"), o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->front().entity->id(), "b:1");
  o = {};
  o.exclude_entity_ids = {"b:1"};
  r = m->Match(PersonQuery("Ivan Petrov"), o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->front().entity->id(), "a:1");
}

// Queries drawn from the labelled sets and from the default catalog's own
// names with typos: the index must find what brute force finds.
TEST(MatcherIndex, FindsWhatBruteForceFinds) {
  auto catalog = LoadDefaultCatalog();
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  auto m = Matcher::Create(*catalog);
  std::vector<Query> queries;
  auto pairs = LoadNomenklaturaPairs(testing::SharedData("eval/name-pairs-nomenklatura.csv"));
  ASSERT_TRUE(pairs.ok());
  for (size_t i = 0; i < pairs->size(); i += 8) {
    Query q;
    q.schema = (*pairs)[i].schema.empty() ? "LegalEntity" : (*pairs)[i].schema;
    q.names = {(*pairs)[i].query};
    queries.push_back(q);
  }
  std::mt19937 rng(7);
  const auto& entities = (*catalog)->entities();
  for (int i = 0; i < 60; ++i) {
    const Entity& e = entities[rng() % entities.size()];
    std::string name = e.caption();
    if (name.size() > 4) {
      size_t pos = 1 + rng() % (name.size() - 2);
      if (rng() % 2)
        name.erase(pos, 1);
      else
        std::swap(name[pos], name[pos - 1]);
    }
    Query q;
    q.schema = e.schema();
    q.names = {name};
    queries.push_back(q);
  }
  MatchOptions fast;
  fast.limit = 1000;
  fast.cutoff = 0.8;
  MatchOptions slow = fast;
  slow.brute_force = true;
  size_t expected = 0, found = 0;
  for (const auto& q : queries) {
    auto a = m->Match(q, fast);
    auto b = m->Match(q, slow);
    ASSERT_TRUE(a.ok() && b.ok());
    std::set<std::string> got;
    for (const auto& r : *a) got.insert(r.entity->id());
    for (const auto& r : *b) {
      ++expected;
      if (got.count(r.entity->id()))
        ++found;
      else
        ADD_FAILURE() << "index missed " << r.entity->id() << " (" << r.score << ") for "
                      << q.names[0];
    }
  }
  ASSERT_GT(expected, 50u);
  EXPECT_GE(static_cast<double>(found) / static_cast<double>(expected), 0.999);
}

}  // namespace
}  // namespace vigil
