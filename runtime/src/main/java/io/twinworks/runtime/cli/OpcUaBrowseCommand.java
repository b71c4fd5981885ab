package io.twinworks.runtime.cli;

import io.twinworks.connectors.opcua.AddressSpaceBrowser;
import io.twinworks.connectors.opcua.ClientPki;
import io.twinworks.connectors.opcua.Identity;
import io.twinworks.connectors.opcua.OpcUaClients;
import io.twinworks.connectors.opcua.OpcUaSettings;
import io.twinworks.connectors.opcua.ServerConnection;
import io.twinworks.runtime.config.ConfigLoader;
import io.twinworks.runtime.config.InvalidConfigException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twinworks opcua browse <endpoint-url>}: prints the address space under a node as a tree (browse name, node
 * class, data type of variables, node id), to find the {@code node-id}s of {@code twinworks.connectors.opcua}. Uses
 * the same client certificate and trust store as the connector ({@code <data-dir>/opcua/pki}).
 */
@Command(name = "browse", mixinStandardHelpOptions = true,
    description = "Print the address space of an OPC UA server under a node (default: the Objects folder).")
final class OpcUaBrowseCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ENDPOINT-URL", description = "e.g. opc.tcp://plc1.plant.local:4840")
  String url;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "3",
      description = "Levels below the node to list (default ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--node", paramLabel = "ID", description = "Start at this node, e.g. ns=2;s=Line1 (default: i=85, "
      + "the Objects folder).")
  String node;

  @Option(names = "--security-policy", paramLabel = "P", defaultValue = "None",
      description = "None, Basic256Sha256 or Aes128_Sha256_RsaOaep (default ${DEFAULT-VALUE}).")
  String securityPolicy;

  @Option(names = "--security-mode", paramLabel = "M", defaultValue = "None",
      description = "None, Sign or SignAndEncrypt (default ${DEFAULT-VALUE}).")
  String securityMode;

  @Option(names = "--username", paramLabel = "U", description = "Log in as this user (default: anonymous).")
  String username;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "The environment variable holding the password of --username.")
  String passwordEnv;

  @Option(names = "--accept-unknown-server-certificate",
      description = "Browse a server whose certificate is not in <data-dir>/opcua/pki/trusted/certs (it is saved "
          + "to rejected/ either way).")
  boolean acceptUnknown;

  @Option(names = "--config", paramLabel = "FILE", description = "A HOCON file with settings (for twinworks.data-dir).")
  Path config;

  @Override
  public Integer call() {
    try {
      ServerConnection connection = connection();
      NodeId root = node == null ? NodeIds.ObjectsFolder : NodeId.parseSafe(node).orElseThrow(() ->
          new IllegalArgumentException("--node must be a node id such as ns=2;s=Line1 or i=85, was '" + node + "'"));
      if (depth < 0) {
        throw new IllegalArgumentException("--depth must be 0 or more, was " + depth);
      }
      try (ClientPki pki = ClientPki.open(OpcUaSettings.pkiDir(ConfigLoader.load(Optional.ofNullable(config))))) {
        OpcUaClient client = OpcUaClients.create(connection, pki);
        client.connect();
        try {
          spec.commandLine().getOut().print(new AddressSpaceBrowser(client).browse(root, depth).tree());
          spec.commandLine().getOut().flush();
        } finally {
          client.disconnect();
        }
      }
      return 0;
    } catch (IllegalArgumentException | InvalidConfigException e) {
      return fail(e.getMessage());
    } catch (Exception e) {
      return fail("cannot browse " + url + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  private ServerConnection connection() {
    SecurityPolicy policy = ServerConnection.POLICIES.stream().filter(p -> p.name().equalsIgnoreCase(securityPolicy))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("--security-policy must be None, Basic256Sha256 "
            + "or Aes128_Sha256_RsaOaep, was '" + securityPolicy + "'"));
    MessageSecurityMode mode;
    try {
      mode = MessageSecurityMode.valueOf(securityMode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--security-mode must be None, Sign or SignAndEncrypt, was '"
          + securityMode + "'");
    }
    return new ServerConnection(url, policy, mode, identity(), acceptUnknown);
  }

  private Identity identity() {
    if (username == null) {
      if (passwordEnv != null) {
        throw new IllegalArgumentException("--password-env needs --username");
      }
      return Identity.ANONYMOUS;
    }
    String password = passwordEnv == null ? null : System.getenv(passwordEnv);
    if (password == null) {
      throw new IllegalArgumentException("--username needs --password-env VAR naming a set environment variable "
          + "with the password" + (passwordEnv == null ? "" : " (" + passwordEnv + " is not set)"));
    }
    return Identity.user(username, password);
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("twinworks: opcua browse: " + message);
    return 1;
  }
}
