// search(): full text over every language of the questions' text and options, with or without diacritics.
#include <algorithm>

#include "catalog/io/bank_document.hpp"
#include "catalog/store/store_test_support.hpp"

namespace {

using dt::Awaitable;
using dt::catalog::JurisdictionCode;
using dt::catalog::Question;
using dt::catalog::store::CatalogStore;
using dt::catalog::store::testing::choice_question;
using dt::catalog::store::testing::sample_bank;
using dt::catalog::store::testing::StoreTest;
namespace db = dt::db;

std::vector<std::string> external_ids(const std::vector<Question>& questions) {
  std::vector<std::string> ids;
  for (const Question& q : questions) ids.push_back(q.external_id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

class SearchTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    auto doc = sample_bank();
    // Stored in NFD (decomposed): "Tiếng Việt".
    doc.questions.push_back(
        choice_question("vn-0400", "vn", "vn.1", "Bi\x65\xcc\x82\xcc\x89n ch\xe1\xbb\x89 d\xe1\xba\xabn", ""));
    doc.questions.push_back(choice_question("vn-0401", "vn", "vn.1", "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t", ""));
    run([&](CatalogStore& store, db::Database&) -> Awaitable<void> { co_await store.import_bank(doc, "admin"); });
  }

  std::vector<std::string> find(const std::string& text, std::optional<JurisdictionCode> jurisdiction = std::nullopt) {
    std::vector<std::string> found;
    run([&](CatalogStore& store, db::Database&) -> Awaitable<void> {
      found = external_ids(co_await store.search(text, jurisdiction, 20));
    });
    return found;
  }
};

using Ids = std::vector<std::string>;

TEST_F(SearchTest, VietnameseWithoutDiacriticsFindsTheAccentedText) {
  EXPECT_EQ(find("bien bao"), (Ids{"vn-0301", "vn-0302"}));  // "Biển báo" (vn-0303 is a draft)
  EXPECT_EQ(find("duong"), (Ids{"vn-0002"}));                // "Đường ưu tiên"
  EXPECT_EQ(find("DUONG UU TIEN"), (Ids{"vn-0002"}));
  EXPECT_EQ(find("xe cuu thuong"), (Ids{"vn-0003"}));
}

TEST_F(SearchTest, VietnameseWithDiacriticsFindsTheSameAndNoMore) {
  EXPECT_EQ(find("biển báo"), (Ids{"vn-0301", "vn-0302"}));
  EXPECT_EQ(find("Đường"), (Ids{"vn-0002"}));
  EXPECT_EQ(find("đường ưu tiên"), (Ids{"vn-0002"}));
  EXPECT_EQ(find("biển báo đường"), Ids{});  // every word must match
}

TEST_F(SearchTest, DecomposedTextIsFoundByEitherSpelling) {
  EXPECT_EQ(find("tieng viet"), (Ids{"vn-0401"}));
  EXPECT_EQ(find("Tiếng Việt"), (Ids{"vn-0401"}));  // typed precomposed (NFC)
  EXPECT_EQ(find("bien chi dan"), (Ids{"vn-0400"}));
}

TEST_F(SearchTest, EnglishMatchesWordsAndStems) {
  EXPECT_EQ(find("stopping distances"), (Ids{"uk-0002"}));
  EXPECT_EQ(find("stop distance"), (Ids{"uk-0002"}));  // stems
  EXPECT_EQ(find("triangular sign"), (Ids{"uk-0001"}));
  EXPECT_EQ(find("ambulance"), (Ids{"vn-0003"}));  // the English text of a Vietnamese question
}

TEST_F(SearchTest, OptionsAreSearchedToo) {
  EXPECT_EQ(find("unsure").size(), 9u);      // an option of every published question
  EXPECT_EQ(find("khong biet").size(), 7u);  // its Vietnamese text, on the Vietnamese ones
}

TEST_F(SearchTest, FiltersByJurisdictionAndIgnoresBlankQueries) {
  EXPECT_EQ(find("sign", JurisdictionCode("uk")), (Ids{"uk-0001"}));
  EXPECT_EQ(find("sign", JurisdictionCode("vn")), (Ids{"vn-0301", "vn-0302"}));
  EXPECT_EQ(find("   "), Ids{});
  EXPECT_EQ(find("zzzz"), Ids{});
}

}  // namespace
