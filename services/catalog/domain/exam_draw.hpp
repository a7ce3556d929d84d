#pragma once
// ExamDraw: draws one exam for a blueprint from the published bank, reproducibly from a 64-bit seed.
//
//   ExamDraw draw(blueprint, bank);          // prepare once per (blueprint, bank revision); cheap to keep
//   auto exam = draw.draw(seed, recently_seen);   // per exam start: microseconds, no Question copied
//
// Guarantees: every quota gets exactly its count of non-critical questions of its topics; exactly
// critical.count critical questions come from the pool's critical questions; no question twice; a group's
// questions come together, adjacent, in id order, and count toward their quota with their size; questions in
// `recently_seen` are used only when the unseen ones cannot fill a quota; options are shuffled only for
// questions with shuffle_options. Questions are spread over the exam in random order (not a contiguous slice of
// the bank, not grouped by quota).
//
// Reproducibility: the same seed, blueprint and bank content (not order) give the same exam on any platform.
// Randomness is consumed in a fixed order: the critical pool, then each quota in blueprint order (unseen units
// then seen ones, lazily shuffled with Prng::pick_into), then one shuffle of the chosen units, then the options
// of each question in exam order. Changing that order changes every replay: exam_draw_test pins a golden exam.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/draw_error.hpp"
#include "catalog/domain/draw_pool.hpp"
#include "catalog/domain/drawn_question.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog {

class ExamDraw {
 public:
  // Throws DrawError(invalid_blueprint) when validate(blueprint) reports problems. Keeps no reference to
  // either argument.
  ExamDraw(const Blueprint& blueprint, std::span<const Question> bank);

  // Throws DrawError naming the first quota (or the critical rule) the pool cannot satisfy exactly.
  std::vector<DrawnQuestion> draw(std::uint64_t seed, std::span<const QuestionId> recently_seen = {}) const;

  const DrawPool& pool() const { return pool_; }
  int question_count() const { return question_count_; }

 private:
  DrawPool pool_;
  int question_count_;
  std::vector<std::string> quota_names_;  // "quota 2 (topics vn.3, vn.4)" for DrawError messages
};

// One-shot form of the above, for callers that do not keep a prepared draw.
std::vector<DrawnQuestion> draw_exam(const Blueprint& blueprint, std::span<const Question> bank, std::uint64_t seed,
                                     std::span<const QuestionId> recently_seen = {});

}  // namespace dt::catalog
