#include "upload/sigv4.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "upload/crypto.h"

namespace skillkit::upload {
namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

// Headers a proxy or the transport may change on the way; signing them breaks requests.
constexpr std::string_view kUnsignedHeaders[] = {
    "authorization", "connection", "expect", "transfer-encoding", "user-agent", "x-amzn-trace-id"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Trims the value and folds every run of whitespace (line folds included) into one space.
std::string canonical_value(std::string_view value) {
  std::string out;
  bool pending_space = false;
  for (char c : value) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string date_part(const SigningScope& scope) {
  return amz_date(scope.time).substr(0, 8);
}

}  // namespace

const Header* Request::find_header(std::string_view name) const {
  for (const Header& h : headers) {
    if (iequals(h.name, name)) return &h;
  }
  return nullptr;
}

void Request::remove_header(std::string_view name) {
  std::erase_if(headers, [&](const Header& h) { return iequals(h.name, name); });
}

std::string amz_date(std::chrono::system_clock::time_point time) {
  // Calendar arithmetic, not gmtime_r: glibc's gmtime_r takes a process-wide lock, which every
  // worker thread (and the emulator's) would queue on for each request.
  using namespace std::chrono;
  const auto secs = floor<seconds>(time);
  const auto day = floor<days>(secs);
  const year_month_day ymd{day};
  const hh_mm_ss hms{secs - day};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                int(hms.minutes().count()), int(hms.seconds().count()));
  return buf;
}

bool parse_amz_date(std::string_view text, std::chrono::system_clock::time_point& out) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return false;
  int v[6];
  const int pos[6][2] = {{0, 4}, {4, 2}, {6, 2}, {9, 2}, {11, 2}, {13, 2}};
  for (int i = 0; i < 6; ++i) {
    v[i] = 0;
    for (int j = 0; j < pos[i][1]; ++j) {
      char c = text[pos[i][0] + j];
      if (c < '0' || c > '9') return false;
      v[i] = v[i] * 10 + (c - '0');
    }
  }
  using namespace std::chrono;
  year_month_day ymd{year{v[0]}, month{unsigned(v[1])}, day{unsigned(v[2])}};
  if (!ymd.ok() || v[3] > 23 || v[4] > 59 || v[5] > 60) return false;
  out = sys_days{ymd} + hours{v[3]} + minutes{v[4]} + seconds{v[5]};
  return true;
}

std::string canonical_path(std::string_view wire_path, bool normalize) {
  if (wire_path.empty()) return "/";
  std::vector<std::string_view> segments;
  size_t start = wire_path.front() == '/' ? 1 : 0;
  while (start <= wire_path.size()) {
    size_t slash = wire_path.find('/', start);
    if (slash == std::string_view::npos) slash = wire_path.size();
    segments.push_back(wire_path.substr(start, slash - start));
    start = slash + 1;
  }
  if (normalize) {
    // RFC 3986 dot-segment removal plus collapsing empty segments ("//"), keeping a trailing
    // slash only when the path ends in one.
    bool trailing = wire_path.size() > 1 && wire_path.back() == '/';
    std::vector<std::string_view> kept;
    for (std::string_view s : segments) {
      if (s.empty() || s == ".") continue;
      if (s == "..") {
        if (!kept.empty()) kept.pop_back();
        continue;
      }
      kept.push_back(s);
    }
    if (!kept.empty() && trailing) kept.push_back("");
    segments = std::move(kept);
  }
  std::string out;
  for (std::string_view s : segments) out += '/' + uri_encode(s);
  return out.empty() ? "/" : out;
}

std::string canonical_query(const QueryParams& query) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(query.size());
  for (const auto& [name, value] : query) encoded.emplace_back(uri_encode(name), uri_encode(value));
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [name, value] : encoded) {
    if (!out.empty()) out += '&';
    out += name + '=' + value;
  }
  return out;
}

std::vector<std::string> default_signed_headers(const Request& request) {
  std::vector<std::string> names;
  for (const Header& h : request.headers) {
    std::string name = lower(canonical_value(h.name));
    if (std::find(std::begin(kUnsignedHeaders), std::end(kUnsignedHeaders), name) !=
        std::end(kUnsignedHeaders)) {
      continue;
    }
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string canonical_request(const Request& request,
                              const std::vector<std::string>& signed_headers,
                              const SigningOptions& options) {
  // Each header's canonical name once, not once per signed header.
  std::vector<std::string> names;
  names.reserve(request.headers.size());
  for (const Header& h : request.headers) names.push_back(lower(canonical_value(h.name)));
  std::string out;
  out.reserve(256 + 64 * request.headers.size());
  out += request.method;
  out += '\n';
  out += canonical_path(request.path, options.normalize_path);
  out += '\n';
  out += canonical_query(request.query);
  out += '\n';
  for (const std::string& name : signed_headers) {
    // Repeated headers join in sending order with commas.
    out += name;
    out += ':';
    bool first = true;
    for (size_t i = 0; i < request.headers.size(); ++i) {
      if (names[i] != name) continue;
      if (!first) out += ',';
      out += canonical_value(request.headers[i].value);
      first = false;
    }
    out += '\n';
  }
  out += '\n';
  for (size_t i = 0; i < signed_headers.size(); ++i) {
    if (i) out += ';';
    out += signed_headers[i];
  }
  out += '\n';
  out += sha256_hex(request.body);
  return out;
}

std::string credential_scope(const SigningScope& scope) {
  return date_part(scope) + '/' + scope.region + '/' + scope.service + "/aws4_request";
}

std::string string_to_sign(std::string_view canonical_request, const SigningScope& scope) {
  return std::string(kAlgorithm) + '\n' + amz_date(scope.time) + '\n' + credential_scope(scope) +
         '\n' + sha256_hex(canonical_request);
}

std::string signature(std::string_view secret, const SigningScope& scope,
                      std::string_view string_to_sign) {
  // The signing key depends only on the secret, the day, the region and the service: derive it
  // once per thread and day (four HMACs) instead of for every request, as the AWS SDKs do.
  struct Derived {
    std::string secret, date, region, service, key;
  };
  thread_local Derived cache;
  const std::string date = date_part(scope);
  if (cache.key.empty() || cache.secret != secret || cache.date != date ||
      cache.region != scope.region || cache.service != scope.service) {
    std::string key = hmac_sha256("AWS4" + std::string(secret), date);
    key = hmac_sha256(key, scope.region);
    key = hmac_sha256(key, scope.service);
    key = hmac_sha256(key, "aws4_request");
    cache = {std::string(secret), date, scope.region, scope.service, std::move(key)};
  }
  return hex(hmac_sha256(cache.key, string_to_sign));
}

void sign(Request& request, const Credentials& credentials, const SigningScope& scope,
          const SigningOptions& options) {
  request.remove_header("Authorization");
  request.remove_header("X-Amz-Date");
  request.remove_header("X-Amz-Security-Token");
  if (options.add_content_sha256) request.remove_header("x-amz-content-sha256");

  if (!credentials.session_token.empty()) {
    request.headers.push_back({"X-Amz-Security-Token", credentials.session_token});
  }
  request.headers.push_back({"X-Amz-Date", amz_date(scope.time)});
  if (options.add_content_sha256) {
    request.headers.push_back({"x-amz-content-sha256", sha256_hex(request.body)});
  }
  std::vector<std::string> names = default_signed_headers(request);
  if (options.omit_session_token) std::erase(names, "x-amz-security-token");

  std::string sts = string_to_sign(canonical_request(request, names, options), scope);
  std::string joined;
  for (const std::string& n : names) joined += (joined.empty() ? "" : ";") + n;
  request.headers.push_back(
      {"Authorization", std::string(kAlgorithm) + " Credential=" + credentials.access_key_id + '/' +
                            credential_scope(scope) + ", SignedHeaders=" + joined +
                            ", Signature=" + signature(credentials.secret_access_key, scope, sts)});
}

}  // namespace skillkit::upload
