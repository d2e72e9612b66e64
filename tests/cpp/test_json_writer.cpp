#include <catch2/catch.hpp>

#include <cmath>

#include "core/json_writer.h"

using lab::JsonWriter;

TEST_CASE("nested objects and arrays get commas in the right places") {
  JsonWriter w;
  w.begin_object().field("a", 1).key("b").begin_array().value(1).value("x").value(true).end_array();
  w.key("c").begin_object().end_object().end_object();
  CHECK(w.str() == R"({"a":1,"b":[1,"x",true],"c":{}})");
}

TEST_CASE("strings are escaped") {
  CHECK(JsonWriter::escape("a\"b\\c\nd\te\x01") == R"("a\"b\\c\nd\te\u0001")");
}

TEST_CASE("non-finite numbers become null, finite ones round-trip") {
  JsonWriter w;
  w.begin_array().value(std::nan("")).value(INFINITY).value(0.1).end_array();
  CHECK(w.str() == "[null,null,0.10000000000000001]");
}
