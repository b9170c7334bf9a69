#include "upload/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstring>
#include <memory>
#include <stdexcept>

#include "upload/encoding.h"

namespace skillkit::upload {
namespace {

constexpr size_t kBlock = 64;   // SHA-256 block size
constexpr size_t kDigest = 32;  // SHA-256 digest size

// SHA-256 fetched from the provider once: EVP_sha256() would look the implementation up again
// on every digest (a lock and a name search in OpenSSL 3), which costs more than hashing the
// few hundred bytes a signature covers.
const EVP_MD* sha256_md() {
  static const EVP_MD* md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
  }();
  return md;
}

struct CtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

// One digest context per thread, reused: no allocation per hash.
EVP_MD_CTX* thread_ctx() {
  thread_local std::unique_ptr<EVP_MD_CTX, CtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx) throw std::runtime_error("OpenSSL: cannot allocate a digest context");
  return ctx.get();
}

// digest(a || b) into out (kDigest bytes).
void digest2(std::string_view a, std::string_view b, unsigned char* out) {
  EVP_MD_CTX* ctx = thread_ctx();
  unsigned int size = 0;
  if (EVP_DigestInit_ex(ctx, sha256_md(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx, a.data(), a.size()) != 1 ||
      EVP_DigestUpdate(ctx, b.data(), b.size()) != 1 || EVP_DigestFinal_ex(ctx, out, &size) != 1 ||
      size != kDigest) {
    throw std::runtime_error("OpenSSL SHA-256 failed");
  }
}

}  // namespace

std::string sha256(std::string_view data) {
  std::string out(kDigest, '\0');
  digest2(data, {}, reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[kDigest];
  digest2(data, {}, digest);
  return hex(std::string_view(reinterpret_cast<const char*>(digest), kDigest));
}

// RFC 2104 over SHA-256: H((K ^ opad) || H((K ^ ipad) || data)), K padded to one block (hashed
// first when longer).
std::string hmac_sha256(std::string_view key, std::string_view data) {
  unsigned char k[kBlock] = {};
  if (key.size() > kBlock) {
    digest2(key, {}, k);
  } else {
    std::memcpy(k, key.data(), key.size());
  }
  char pad[kBlock];
  for (size_t i = 0; i < kBlock; ++i) pad[i] = char(k[i] ^ 0x36);
  unsigned char inner[kDigest];
  digest2({pad, kBlock}, data, inner);
  for (size_t i = 0; i < kBlock; ++i) pad[i] = char(k[i] ^ 0x5c);
  std::string out(kDigest, '\0');
  digest2({pad, kBlock}, {reinterpret_cast<const char*>(inner), kDigest},
          reinterpret_cast<unsigned char*>(out.data()));
  OPENSSL_cleanse(k, sizeof k);
  OPENSSL_cleanse(pad, sizeof pad);
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace skillkit::upload
