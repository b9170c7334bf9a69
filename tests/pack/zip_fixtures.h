// Test helpers for zips: a raw zip writer that can write what no sane tool would (lying sizes,
// bad CRCs, unsafe names, duplicate entries), a central-directory reader that shows every
// field pack writes, and skill folders built on the fly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace skillkit::testing {

inline std::uint32_t crc32(std::string_view data) {
  std::uint32_t crc = 0xffffffffu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

inline void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xff);
  out += static_cast<char>((v >> 8) & 0xff);
}
inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xffff);
  put16(out, v >> 16);
}
inline std::uint32_t get16(const std::string& s, size_t at) {
  return static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8);
}
inline std::uint32_t get32(const std::string& s, size_t at) {
  return get16(s, at) | (get16(s, at + 2) << 16);
}

struct RawEntry {
  std::string name;
  std::string data;          // as stored in the archive
  std::uint16_t method = 0;  // 0 stored, 8 deflated, anything else
  std::uint16_t flags = 0;   // bit 0: encrypted
  std::int64_t crc = -1;     // -1: the CRC of `data`
  std::int64_t size = -1;    // declared uncompressed size; -1: data.size()
  std::uint32_t external = 0100644u << 16;
  std::uint16_t made_by = (3 << 8) | 20;  // Unix
  std::string local_name;                 // the name in the local header, when it should differ
};

/// A zip with exactly these entries and headers.
inline std::string raw_zip(const std::vector<RawEntry>& entries) {
  std::string out, central;
  for (const RawEntry& e : entries) {
    const std::uint32_t crc = e.crc < 0 ? crc32(e.data) : static_cast<std::uint32_t>(e.crc);
    const std::uint32_t size =
        e.size < 0 ? static_cast<std::uint32_t>(e.data.size()) : static_cast<std::uint32_t>(e.size);
    const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    const std::string& local_name = e.local_name.empty() ? e.name : e.local_name;
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, e.flags);
    put16(out, e.method);
    put16(out, 0);
    put16(out, 0x21);
    put32(out, crc);
    put32(out, static_cast<std::uint32_t>(e.data.size()));
    put32(out, size);
    put16(out, static_cast<std::uint32_t>(local_name.size()));
    put16(out, 0);
    out += local_name;
    out += e.data;
    put32(central, 0x02014b50);
    put16(central, e.made_by);
    put16(central, 20);
    put16(central, e.flags);
    put16(central, e.method);
    put16(central, 0);
    put16(central, 0x21);
    put32(central, crc);
    put32(central, static_cast<std::uint32_t>(e.data.size()));
    put32(central, size);
    put16(central, static_cast<std::uint32_t>(e.name.size()));
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, e.external);
    put32(central, offset);
    central += e.name;
  }
  const std::uint32_t cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, cd_offset);
  put16(out, 0);
  return out;
}

/// One central directory record, as written.
struct CentralRecord {
  std::uint16_t made_by = 0, needed = 0, flags = 0, method = 0, time = 0, date = 0;
  std::uint32_t crc = 0, compressed = 0, size = 0, external = 0, offset = 0;
  std::uint16_t extra_len = 0, comment_len = 0, local_extra_len = 0, local_flags = 0;
  std::string name;
};

/// Every central directory record of `zip` (which must be well formed, without zip64).
inline std::vector<CentralRecord> read_central(const std::string& zip) {
  const size_t eocd = zip.rfind(std::string("PK\x05\x06", 4));
  std::vector<CentralRecord> out;
  if (eocd == std::string::npos) return out;
  const std::uint32_t count = get16(zip, eocd + 10);
  size_t at = get32(zip, eocd + 16);
  for (std::uint32_t i = 0; i < count; ++i) {
    CentralRecord r;
    r.made_by = static_cast<std::uint16_t>(get16(zip, at + 4));
    r.needed = static_cast<std::uint16_t>(get16(zip, at + 6));
    r.flags = static_cast<std::uint16_t>(get16(zip, at + 8));
    r.method = static_cast<std::uint16_t>(get16(zip, at + 10));
    r.time = static_cast<std::uint16_t>(get16(zip, at + 12));
    r.date = static_cast<std::uint16_t>(get16(zip, at + 14));
    r.crc = get32(zip, at + 16);
    r.compressed = get32(zip, at + 20);
    r.size = get32(zip, at + 24);
    const std::uint32_t name_len = get16(zip, at + 28);
    r.extra_len = static_cast<std::uint16_t>(get16(zip, at + 30));
    r.comment_len = static_cast<std::uint16_t>(get16(zip, at + 32));
    r.external = get32(zip, at + 38);
    r.offset = get32(zip, at + 42);
    r.name = zip.substr(at + 46, name_len);
    r.local_flags = static_cast<std::uint16_t>(get16(zip, r.offset + 6));
    r.local_extra_len = static_cast<std::uint16_t>(get16(zip, r.offset + 28));
    at += 46 + name_len + r.extra_len + r.comment_len;
    out.push_back(r);
  }
  return out;
}

/// Deterministic bytes that deflate cannot shrink.
inline std::string noise(size_t n, std::uint32_t seed = 1) {
  std::string out(n, '\0');
  std::uint64_t x = 0x9e3779b97f4a7c15ull * (seed + 1);
  for (size_t i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    out[i] = static_cast<char>(x >> 56);
  }
  return out;
}

/// A SKILL.md that passes every rule, for a folder named `name`.
inline std::string skill_md(const std::string& name) {
  return "---\nname: " + name +
         "\ndescription: >\n  Use this skill when investigating database latency, connection "
         "errors or query\n  timeouts on Amazon RDS or Aurora instances, after an alarm or a "
         "user report.\n---\n\n# Steps\n\nCompare the latency metrics with last week.\n";
}

}  // namespace skillkit::testing
