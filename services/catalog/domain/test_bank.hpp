#pragma once
// Test fixtures: synthetic banks and blueprints shaped like the real formats of /work/shared/exam-rules.md.
//
// Vietnam: 600 questions, id = number in the official bank, chapters by its number ranges; critical: 45 in
// chapter 1 (every 4th number), 4 in chapter 2, 11 in chapter 3. Pools: "vn-a" (250: number % 12 < 5) for
// classes A1/A, "vn-b1" (300: even numbers) for B1. Blueprints for every 2025 class and the 2020 classes.
// UK: 8 topics of 50 questions, one group of 3 questions about one video clip; a 50-question blueprint.
// Germany: question builders with weights and a 30-question error-points blueprint.
#include <string>
#include <vector>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::fixtures {

inline constexpr int kVnBankSize = 600;

int vn_chapter(int number);
bool vn_critical(int number);
std::vector<Question> vn_bank();
std::vector<Blueprint> vn_2025_blueprints();
std::vector<Blueprint> vn_2020_blueprints();
Blueprint vn_2025(const std::string& licence_class);

std::vector<Question> uk_bank();
Blueprint uk_car();
inline constexpr const char* kUkClipGroup = "clip-17";

Blueprint de_class_b();

// A published choice question with `options` options, the listed ones correct.
Question choice(QuestionId id, const std::string& topic, int options, std::vector<int> correct, int weight = 1,
                bool critical = false);
// A published numeric question: value +- tolerance, both given as decimal text ("2.5").
Question numeric(QuestionId id, const std::string& topic, const std::string& value, const std::string& tolerance,
                 int weight = 1);

}  // namespace dt::catalog::fixtures
