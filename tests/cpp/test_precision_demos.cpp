// The precision demos: what the lesson's panels promise the student.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>

#include "lab/demo.h"

using namespace lab;

namespace {

std::string run(const char* id, std::map<std::string, double> args) {
  return demo_json(
      id,
      [&](const char* name) {
        const auto it = args.find(name);
        return it == args.end() ? std::nan("") : it->second;
      },
      Limits{});
}

// The text of the object in `json` that follows `after`, up to its closing brace.
std::string object_after(const std::string& json, const std::string& after) {
  const size_t start = json.find(after);
  REQUIRE(start != std::string::npos);
  return json.substr(start, json.find('}', start) - start);
}

}  // namespace

TEST_CASE("precision_round: 65520 overflows f16 but not bf16, 1e-8 flushes to zero in f16") {
  const std::string big = run("precision_round", {{"x", 65520}});
  CHECK(object_after(big, "\"format\":\"f16\"").find("\"outcome\":\"overflowed to inf\"") !=
        std::string::npos);
  CHECK(object_after(big, "\"format\":\"f16\"").find("\"bits\":\"0x7c00\"") != std::string::npos);
  CHECK(object_after(big, "\"format\":\"bf16\"").find("\"value_text\":\"65536\"") !=
        std::string::npos);
  CHECK(object_after(big, "\"format\":\"f32\"").find("\"outcome\":\"exact\"") != std::string::npos);

  const std::string tiny = run("precision_round", {{"x", 1e-8}});
  CHECK(object_after(tiny, "\"format\":\"f16\"").find("\"outcome\":\"flushed to zero\"") !=
        std::string::npos);
  CHECK(object_after(tiny, "\"format\":\"bf16\"").find("\"outcome\":\"rounded\"") !=
        std::string::npos);

  const std::string sub = run("precision_round", {{"x", 1e-6}});
  CHECK(object_after(sub, "\"format\":\"f16\"").find("\"outcome\":\"subnormal, rounded\"") !=
        std::string::npos);
  CHECK(object_after(run("precision_round", {{"x", -0.0}}), "\"format\":\"f16\"")
            .find("\"bits\":\"0x8000\"") != std::string::npos);
}

TEST_CASE("precision_round refuses what is not an f32-range number") {
  CHECK(run("precision_round", {}).find("\"status\":\"invalid\"") != std::string::npos);
  CHECK(run("precision_round", {{"x", 1e39}}).find("must be between") != std::string::npos);
  CHECK(run("precision_round", {{"x", INFINITY}}).find("\"field\":\"x\"") != std::string::npos);
}

TEST_CASE("precision_formats reads the figures from the bit patterns") {
  const std::string json = run("precision_formats", {});
  const std::string f16 = json.substr(json.find("\"format\":\"f16\""));
  CHECK(f16.find("\"largest\":{\"value\":65504") != std::string::npos);
  CHECK(f16.find("\"overflow_from\":65520") != std::string::npos);
  CHECK(f16.find("\"smallest_subnormal\":{\"value\":5.96") != std::string::npos);
  CHECK(f16.find("\"epsilon\":0.000976562") != std::string::npos);
  const std::string bf16 = json.substr(json.find("\"format\":\"bf16\""));
  CHECK(bf16.find("\"epsilon\":0.0078125") != std::string::npos);
  CHECK(bf16.find("\"smallest_normal\":{\"value\":1.17549") != std::string::npos);
}

// The demo's rung for 10^-decade: rungs go 1e-2, 1e-3, ..., 1e-10.
std::string rung(const std::string& json, int decade) {
  size_t at = json.find("\"magnitudes\"");
  for (int d = 2; d <= decade; ++d) at = json.find("{\"magnitude\"", at + 1);
  return json.substr(at, json.find("}}", at) - at);
}

TEST_CASE("fp16_underflow: a scale moves small gradients out of the zero and subnormal range") {
  const std::string none = run("fp16_underflow", {{"scale_log2", 0}});
  CHECK(object_after(rung(none, 8), "\"unscaled\"").find("\"class\":\"zero\"") !=
        std::string::npos);
  CHECK(object_after(rung(none, 6), "\"unscaled\"").find("\"class\":\"subnormal\"") !=
        std::string::npos);
  CHECK(object_after(rung(none, 4), "\"unscaled\"").find("\"class\":\"normal\"") !=
        std::string::npos);
  const std::string scaled = run("fp16_underflow", {{"scale_log2", 16}});
  CHECK(object_after(rung(scaled, 8), "\"scaled\"").find("\"class\":\"normal\"") !=
        std::string::npos);
  CHECK(object_after(rung(scaled, 10), "\"scaled\"").find("\"class\":\"subnormal\"") !=
        std::string::npos);
  const std::string too_much = run("fp16_underflow", {{"scale_log2", 24}});
  CHECK(object_after(rung(too_much, 2), "\"scaled\"").find("\"class\":\"inf\"") !=
        std::string::npos);
  CHECK(run("fp16_underflow", {{"scale_log2", 2.5}}).find("whole number") != std::string::npos);
}

TEST_CASE("loss_scaling: spikes are skipped, and the scaled fit gets further than the plain one") {
  const std::string json =
      run("loss_scaling", {{"steps", 200}, {"scale_log2", 16}, {"growth_interval", 10}});
  INFO(json.substr(json.find("\"with_scaling\"")));
  const auto number_after = [&](const std::string& in, const std::string& key) {
    return std::stod(in.substr(in.find(key) + key.size()));
  };
  const std::string with = object_after(json, "\"with_scaling\"");
  const std::string without = object_after(json, "\"without_scaling\"");
  CHECK(number_after(with, "\"skipped_steps\":") > 0);
  CHECK(number_after(without, "\"skipped_steps\":") == 0);
  CHECK(number_after(without, "\"underflowed_steps\":") > 0);
  CHECK(number_after(with, "\"final_loss\":") < number_after(without, "\"final_loss\":") / 100);
  CHECK(run("loss_scaling", {{"steps", 0}, {"scale_log2", 16}, {"growth_interval", 10}})
            .find("\"field\":\"steps\"") != std::string::npos);
}
