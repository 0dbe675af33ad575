/*
 * seal(key, data, head, body): AES-256-GCM over head ‖ body, written into data, which holds the
 * 12-byte nonce at its start and has room for the ciphertext and the 16-byte tag after it: the
 * layout of Temporal's encryption samples, with no buffer in between. Node's crypto returns each
 * ciphertext as a new buffer, which the layout then copies; this calls the OpenSSL inside Node.
 */
#include <limits.h>
#include <node_api.h>
#include <openssl/evp.h>

#define KEY_BYTES 32
#define NONCE_BYTES 12
#define TAG_BYTES 16

static int uint8_array(napi_env env, napi_value value, unsigned char **bytes, size_t *length) {
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  if (napi_get_typedarray_info(env, value, &type, length, (void **)bytes, &buffer, &offset) != napi_ok) return 0;
  return type == napi_uint8_array;
}

static napi_value seal(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  unsigned char *key, *data, *head, *body;
  size_t key_length, data_length, head_length, body_length;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 4 ||
      !uint8_array(env, argv[0], &key, &key_length) || !uint8_array(env, argv[1], &data, &data_length) ||
      !uint8_array(env, argv[2], &head, &head_length) || !uint8_array(env, argv[3], &body, &body_length)) {
    napi_throw_type_error(env, NULL, "seal(key, data, head, body) takes four Uint8Arrays");
    return NULL;
  }
  if (key_length != KEY_BYTES) {
    napi_throw_range_error(env, NULL, "seal: the key must be 32 bytes");
    return NULL;
  }
  if (head_length > INT_MAX || body_length > INT_MAX ||
      data_length != NONCE_BYTES + head_length + body_length + TAG_BYTES) {
    napi_throw_range_error(env, NULL, "seal: data must be 12 + head + body + 16 bytes long");
    return NULL;
  }
  unsigned char *ciphertext = data + NONCE_BYTES;
  int written;
  EVP_CIPHER_CTX *context = EVP_CIPHER_CTX_new();
  int sealed = context != NULL && EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), NULL, key, data) == 1 &&
               EVP_EncryptUpdate(context, ciphertext, &written, head, (int)head_length) == 1 &&
               EVP_EncryptUpdate(context, ciphertext + head_length, &written, body, (int)body_length) == 1 &&
               EVP_EncryptFinal_ex(context, ciphertext + head_length + body_length, &written) == 1 &&
               EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, TAG_BYTES, data + data_length - TAG_BYTES) == 1;
  EVP_CIPHER_CTX_free(context);
  if (!sealed) napi_throw_error(env, NULL, "seal: OpenSSL's AES-256-GCM failed");
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value function;
  if (napi_create_function(env, "seal", NAPI_AUTO_LENGTH, seal, NULL, &function) != napi_ok ||
      napi_set_named_property(env, exports, "seal", function) != napi_ok)
    return NULL;
  return exports;
}
