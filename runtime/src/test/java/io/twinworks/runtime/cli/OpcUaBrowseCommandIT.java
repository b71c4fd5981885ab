package io.twinworks.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.testsupport.OpcUaTestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code twinworks opcua browse} against Milo's server on loopback prints the tree, or a reason. */
class OpcUaBrowseCommandIT {

  private static OpcUaTestServer server;

  @TempDir
  Path dataDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startServer() throws Exception {
    server = OpcUaTestServer.launch();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private int run(String... args) throws Exception {
    Path config = dataDir.resolve("test.conf");
    Files.writeString(config, "twinworks.data-dir = \"" + dataDir + "\"\n");
    String[] withConfig = new String[args.length + 2];
    System.arraycopy(args, 0, withConfig, 0, args.length);
    withConfig[args.length] = "--config";
    withConfig[args.length + 1] = config.toString();
    return new CommandLine(new OpcUaCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(withConfig);
  }

  @Test
  void printsTheObjectsFolderAsATree() throws Exception {
    assertEquals(0, run("browse", server.url(), "--depth", "2"), err.toString());
    int ns = server.namespaceIndex();
    String tree = out.toString();
    assertTrue(tree.startsWith("0:Objects  Object  i=85\n"), tree);
    assertTrue(tree.contains("\n  " + ns + ":Line1  Object  " + server.nodeId("Line1") + "\n"), tree);
    assertTrue(tree.contains("\n    " + ns + ":Temp  Variable Double  " + server.nodeId("Line1.Temp") + "\n"), tree);
    assertTrue(Files.exists(dataDir.resolve("opcua/pki/own/twinworks-client.pfx")), "the connector's PKI is used");
  }

  @Test
  void startsAtAGivenNode() throws Exception {
    assertEquals(0, run("browse", server.url(), "--node", server.nodeId("Line1"), "--depth", "1"), err.toString());
    assertEquals(7, out.toString().lines().count(), out.toString()); // Line1 and its 6 variables
  }

  @Test
  void anUntrustedServerIsRefusedWithAReason() throws Exception {
    assertEquals(1, run("browse", server.url(), "--security-policy", "Basic256Sha256", "--security-mode",
        "SignAndEncrypt"));
    assertTrue(err.toString().startsWith("twinworks: opcua browse: cannot browse " + server.url()), err.toString());
    assertEquals(0, run("browse", server.url(), "--security-policy", "Basic256Sha256", "--security-mode",
        "SignAndEncrypt", "--accept-unknown-server-certificate", "--depth", "0"), err.toString());
  }

  @Test
  void wrongOptionsAreExplained() throws Exception {
    assertEquals(1, run("browse", server.url(), "--username", "operator"));
    assertTrue(err.toString().contains("--username needs --password-env VAR"), err.toString());
    assertEquals(1, run("browse", server.url(), "--security-policy", "Basic256Sha256"));
    assertTrue(err.toString().contains("security mode None does not go with security policy Basic256Sha256"),
        err.toString());
  }
}
