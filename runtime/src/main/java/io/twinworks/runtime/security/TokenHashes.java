package io.twinworks.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** New random tokens and their SHA-256 hashes, as configured in {@code twinworks.security.tokens}. */
public final class TokenHashes {

  /** 32 random bytes: 256 bits, so a plain (unsalted) SHA-256 of the token is as strong as the token. */
  private static final int TOKEN_BYTES = 32;
  private static final String PREFIX = "tw_";
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenHashes() {}

  /** A fresh token, e.g. {@code tw_3q2+...}: a prefix that secret scanners can find, then 256 random bits. */
  public static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static String sha256Hex(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  public static boolean isSha256Hex(String text) {
    return HEX_SHA256.matcher(text).matches();
  }

  public static byte[] parseHex(String sha256Hex) {
    return HexFormat.of().parseHex(sha256Hex.toLowerCase(java.util.Locale.ROOT));
  }
}
