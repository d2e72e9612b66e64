#include <catch2/catch.hpp>
#include <string>

#include "core/source_file.h"

TEST_CASE("LAB_THIS_FILE is the file's path relative to the repository root", "[core]") {
  CHECK(std::string(LAB_THIS_FILE) == "tests/cpp/test_source_file.cpp");
}
