// A small streaming JSON writer: enough for the lab's results and catalog,
// so the bindings hand the page one string and no C++ types cross over.
#pragma once

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace lab {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);  // non-finite numbers become null
  JsonWriter& value(bool flag);
  JsonWriter& null();
  JsonWriter& value(int number) { return value(static_cast<double>(number)); }
  JsonWriter& value(long long number) { return value(static_cast<double>(number)); }
  JsonWriter& value(long number) { return value(static_cast<double>(number)); }

  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

  std::string str() const { return out_.str(); }

  static std::string escape(std::string_view text);

 private:
  void separate();
  std::ostringstream out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace lab
