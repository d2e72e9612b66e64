#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <sstream>
#include <string>

#include "lab/demo.h"

using namespace lab;

namespace {

double none(const char*) { return std::nan(""); }

}  // namespace

TEST_CASE("demo ids are unique, their sources compiled, their ranges sane") {
  std::set<std::string> ids;
  std::set<std::string> compiled;
  std::stringstream list(LAB_COMPILED_SOURCES);
  for (std::string path; std::getline(list, path, ',');) compiled.insert(path);
  for (const Demo& d : demos()) {
    INFO(d.id);
    CHECK(ids.insert(d.id).second);
    CHECK(find_demo(d.id) == &d);
    CHECK(compiled.count(d.source) == 1);
    for (const DemoArg& a : d.args) CHECK(a.min <= a.max);
  }
}

TEST_CASE("an unknown demo is refused by name") {
  const std::string out = demo_json("no_such_demo", none, Limits{});
  CHECK_THAT(out, Catch::Contains("\"status\":\"invalid\""));
  CHECK_THAT(out, Catch::Contains("\"field\":\"demo\""));
  CHECK_THAT(out, Catch::Contains("no_such_demo"));
}

TEST_CASE("a demo missing a number is refused, naming the argument") {
  for (const Demo& d : demos()) {
    if (d.args.empty()) continue;
    INFO(d.id);
    const std::string out = demo_json(d.id, none, Limits{});
    CHECK_THAT(out, Catch::Contains("\"status\":\"invalid\""));
    CHECK_THAT(out, Catch::Contains(std::string("\"field\":\"") + d.args.front().name + "\""));
  }
}
