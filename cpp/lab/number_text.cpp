#include "lab/number_text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

namespace lab {

namespace {

constexpr int kSignificant = 4;
// From here up, and below kSmallest, a number is written with an exponent.
constexpr double kLargest = 1e15;
constexpr double kSmallest = 1e-4;

// "1234567" -> "1,234,567"; digits only, no sign.
std::string grouped(const std::string& digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// "1.500e+20" -> "1.5e+20", "1.000e-07" -> "1e-7": as JavaScript writes them.
std::string exponential(double magnitude) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*e", kSignificant - 1, magnitude);
  std::string text = buffer;
  const size_t e = text.find('e');
  std::string mantissa = text.substr(0, e);
  if (mantissa.find('.') != std::string::npos) {
    while (mantissa.back() == '0') mantissa.pop_back();
    if (mantissa.back() == '.') mantissa.pop_back();
  }
  const char sign = text[e + 1];
  std::string exponent = text.substr(e + 2);
  while (exponent.size() > 1 && exponent.front() == '0') exponent.erase(0, 1);
  return mantissa + "e" + sign + exponent;
}

}  // namespace

std::string number_text(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0) return "0";
  const std::string sign = value < 0 ? "-" : "";
  const double magnitude = std::fabs(value);
  if (magnitude >= kLargest || magnitude < kSmallest) return sign + exponential(magnitude);
  if (magnitude == std::floor(magnitude))
    return sign + grouped(std::to_string(static_cast<int64_t>(magnitude)));
  // Not whole: kSignificant digits, and at least one after the point.
  const int whole_digits = static_cast<int>(std::floor(std::log10(magnitude))) + 1;
  const int decimals = std::max(kSignificant - whole_digits, 1);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, magnitude);
  std::string text = buffer;
  const size_t point = text.find('.');
  while (text.size() > point + 2 && text.back() == '0') text.pop_back();
  return sign + grouped(text.substr(0, point)) + text.substr(point);
}

std::string mib_text(double bytes) {
  const double mib = bytes / (1024.0 * 1024.0);
  return number_text(mib >= 10 ? std::round(mib) : mib);
}

}  // namespace lab
