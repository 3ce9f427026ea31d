"""WeCom's callback encryption (AES-CBC with the EncodingAESKey, a SHA1 signature over token, time,
nonce and ciphertext), its cipher built once per process.

wechatpy's `WeChatCrypto.decrypt_message` builds a new cipher for every message and compares the
signature with `!=`; every callback WeCom sends is opened here before its ack, so the cipher is
kept and the signature compared in constant time. The URL check and the passive reply's
encryption (neither on the busy path) stay wechatpy's own.
"""
from __future__ import annotations

import hmac

from wechatpy.crypto import _get_signature
from wechatpy.enterprise.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException


class CallbackSeal:
    def __init__(self, token: str, encoding_aes_key: str, corp_id: str):
        self.crypto = WeChatCrypto(token, encoding_aes_key, corp_id)
        self._token, self._corp_id = token, corp_id
        self._cipher = PrpCrypto(self.crypto.key)  # immutable: each decryption has its own context

    def open(self, encrypted: str, signature: str, timestamp: str, nonce: str) -> str:
        """The XML a callback's `Encrypt` field holds. InvalidSignatureException for a forged one,
        InvalidCorpIdException for another corp's; ValueError and the like for garbled text."""
        expected = _get_signature(self._token, timestamp, nonce, encrypted)
        if not hmac.compare_digest(expected.encode(), signature.encode()):
            raise InvalidSignatureException()
        return self._cipher.decrypt(encrypted, self._corp_id)

    def check_signature(self, signature: str, timestamp: str, nonce: str, echo: str) -> str:
        """The URL check's echo, decrypted (WeCom sends it when the callback URL is saved)."""
        return self.crypto.check_signature(signature, timestamp, nonce, echo)

    def seal(self, xml: str, nonce: str, timestamp: str) -> str:
        """A passive reply, encrypted and signed as WeCom expects it."""
        return self.crypto.encrypt_message(xml, nonce, timestamp)
