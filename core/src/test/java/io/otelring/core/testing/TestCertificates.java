package io.otelring.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A throw-away CA, a server certificate for 127.0.0.1 and a client certificate, all signed by the
 * CA, written as PEM files. Made with the JDK's keytool so that tests need no extra library.
 */
public record TestCertificates(
    Path caCert, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

  private static final String PASSWORD = "changeit";

  public static TestCertificates create(Path dir) throws IOException, InterruptedException {
    Path ca = dir.resolve("ca.p12");
    keytool(
        dir,
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=otelring test CA",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        ca.toString());
    keytool(
        dir,
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        ca.toString(),
        "-file",
        dir.resolve("ca.crt").toString());
    issue(dir, ca, "server", "CN=localhost", "san=ip:127.0.0.1,dns:localhost");
    issue(dir, ca, "client", "CN=otelring test client", null);
    return new TestCertificates(
        dir.resolve("ca.crt"),
        dir.resolve("server.crt"),
        dir.resolve("server.key"),
        dir.resolve("client.crt"),
        dir.resolve("client.key"));
  }

  private static void issue(Path dir, Path ca, String name, String dname, String extension)
      throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    keytool(
        dir,
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        dname,
        "-validity",
        "2",
        "-keystore",
        store.toString());
    keytool(
        dir,
        "-certreq",
        "-alias",
        name,
        "-keystore",
        store.toString(),
        "-file",
        dir.resolve(name + ".csr").toString());
    List<String> gencert =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-validity",
                "2",
                "-infile",
                dir.resolve(name + ".csr").toString(),
                "-outfile",
                dir.resolve(name + ".crt").toString()));
    if (extension != null) {
      gencert.addAll(List.of("-ext", extension));
    }
    keytool(dir, gencert.toArray(String[]::new));
    writePrivateKey(store, name, dir.resolve(name + ".key"));
  }

  /** The key as unencrypted PKCS#8 PEM, the form Go and Netty read. */
  private static void writePrivateKey(Path store, String alias, Path target) throws IOException {
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, PASSWORD.toCharArray());
      PrivateKey key = (PrivateKey) keyStore.getKey(alias, PASSWORD.toCharArray());
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(key.getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      Files.writeString(target, pem);
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }

  public byte[] read(Path file) throws IOException {
    return Files.readAllBytes(file);
  }
}
