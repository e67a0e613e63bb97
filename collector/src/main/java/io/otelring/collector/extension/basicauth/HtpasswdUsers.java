package io.otelring.collector.extension.basicauth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * The users of Apache htpasswd content and their password hashes, in the formats Go's basicauth
 * takes (go-htpasswd's default systems): bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}), Apache
 * MD5 ({@code $apr1$}), {@code {SHA}}, {@code {SSHA}}, SHA-crypt ({@code $5$}, {@code $6$}), and
 * anything else as a plain-text password. Blank lines and {@code #} comments are skipped; a later
 * line for a user replaces an earlier one.
 */
final class HtpasswdUsers {

  /** One stored password: whether a presented one matches it. */
  @FunctionalInterface
  private interface Stored {
    boolean matches(String password);
  }

  private final Map<String, Stored> users;

  private HtpasswdUsers(Map<String, Stored> users) {
    this.users = Map.copyOf(users);
  }

  /**
   * @throws IllegalArgumentException naming the line (not its content, which holds a password) that
   *     has no colon or a hash that is not well formed
   */
  static HtpasswdUsers parse(String content) {
    Map<String, Stored> users = new HashMap<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("malformed line " + (i + 1) + ", no colon");
      }
      String user = line.substring(0, colon);
      users.put(user, stored(line.substring(colon + 1), user));
    }
    return new HtpasswdUsers(users);
  }

  boolean matches(String user, String password) {
    Stored stored = users.get(user);
    return stored != null && stored.matches(password);
  }

  private static Stored stored(String encoded, String user) {
    if (encoded.startsWith("$apr1$")) {
      if (encoded.indexOf('$', "$apr1$".length()) < 0) {
        throw new IllegalArgumentException("malformed md5 password for " + user);
      }
      return password -> same(Md5Crypt.apr1Crypt(utf8(password), encoded), encoded);
    }
    if (encoded.startsWith("{SHA}")) {
      byte[] digest = base64(encoded.substring("{SHA}".length()), user);
      return password -> MessageDigest.isEqual(sha1(utf8(password)), digest);
    }
    if (encoded.startsWith("$2a$") || encoded.startsWith("$2b$") || encoded.startsWith("$2y$")) {
      char[] hash = encoded.toCharArray();
      return password -> BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }
    if (encoded.startsWith("{SSHA}")) {
      byte[] decoded = base64(encoded.substring("{SSHA}".length()), user);
      if (decoded.length < 20) {
        throw new IllegalArgumentException("malformed ssha password for " + user);
      }
      byte[] digest = Arrays.copyOf(decoded, 20);
      byte[] salt = Arrays.copyOfRange(decoded, 20, decoded.length);
      return password -> MessageDigest.isEqual(sha1(concat(utf8(password), salt)), digest);
    }
    if (encoded.startsWith("$5$")) {
      return password -> same(Sha2Crypt.sha256Crypt(utf8(password), encoded), encoded);
    }
    if (encoded.startsWith("$6$")) {
      return password -> same(Sha2Crypt.sha512Crypt(utf8(password), encoded), encoded);
    }
    return password -> same(password, encoded);
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(utf8(a), utf8(b));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] base64(String text, String user) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed password hash for " + user);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] sha1(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
