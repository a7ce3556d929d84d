#pragma once
// Prng: the exam draw's random source, fully specified so that a seed gives the same exam on every compiler,
// standard library and platform, today and after upgrades. std::uniform_int_distribution and std::shuffle are
// implementation-defined and therefore not used anywhere in the draw.
//
//   generator: xoshiro256** 1.0 (Blackman and Vigna), its 256-bit state filled by four outputs of splitmix64
//              started at the 64-bit seed, as the authors recommend;
//   below(n):  unbiased integer in [0, n) by rejection: draws below 2^64 mod n are discarded, the rest reduced
//              modulo n (every residue then has the same number of preimages);
//   shuffle:   forward Fisher-Yates: position i takes the item at i + below(size - i).
// prng_test.cpp pins golden outputs: changing any of this changes every stored exam's replay and must fail there.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

namespace dt::catalog {

// splitmix64 (Steele, Lea, Flood): a 64-bit generator used here only to expand a seed.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();

 private:
  std::uint64_t state_;
};

class Prng {
 public:
  explicit Prng(std::uint64_t seed);
  // xoshiro256** from a raw state (not all zero), for checking against the authors' reference vectors.
  static Prng from_state(const std::array<std::uint64_t, 4>& state);

  std::uint64_t next();
  // Uniform in [0, bound); bound must be at least 1.
  std::uint64_t below(std::uint64_t bound);

  // One step of forward Fisher-Yates: puts a uniformly chosen item of items[i..] at position i. Calling it for
  // i = 0, 1, ... shuffles lazily: a draw that needs k items pays for k steps, not for the whole list.
  template <class T>
  void pick_into(std::span<T> items, std::size_t i) {
    const std::size_t j = i + static_cast<std::size_t>(below(items.size() - i));
    if (j != i) std::swap(items[i], items[j]);
  }

  template <class T>
  void shuffle(std::span<T> items) {
    for (std::size_t i = 0; i + 1 < items.size(); ++i) pick_into(items, i);
  }

 private:
  Prng() = default;
  std::array<std::uint64_t, 4> state_{};
};

}  // namespace dt::catalog
