package io.twinworks.runtime.cli;

import io.twinworks.runtime.security.TokenHashes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twinworks token new|hash}: API tokens and the hashes {@code twinworks.security.tokens} stores. */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Create API tokens: prints a new random token and the entry for twinworks.security.tokens.",
    subcommands = {TokenCommand.New.class, TokenCommand.Hash.class})
public final class TokenCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 1;
  }

  /** The HOCON entry of a token for {@code twinworks.security.tokens}; {@code tenant} null for an admin. */
  static String configEntry(String name, String sha256Hex, String tenant, boolean readOnly) {
    String scope = tenant == null ? "admin = true" : "tenant = \"" + tenant + "\"";
    return "{ name = \"" + name + "\", sha256 = \"" + sha256Hex + "\", " + scope + ", read-only = " + readOnly + " }";
  }

  /** Which tenant the token is for, or admin. */
  static final class Scope {
    @Option(names = "--tenant", paramLabel = "TENANT", required = true,
        description = "The one tenant the token sees (its twins, alerts, streams, dead letters).")
    String tenant;

    @Option(names = "--admin", required = true, description = "An admin token: every tenant, /metrics.")
    boolean admin;
  }

  @Command(name = "new", mixinStandardHelpOptions = true,
      description = "Print a new random token (once: it is not stored anywhere) and its config entry.")
  static final class New implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @Option(names = "--name", paramLabel = "NAME",
        description = "What logs call the token; default <tenant>-<random> or admin-<random>.")
    String name;

    @Option(names = "--read-only", description = "Refuse writes (PUT config, alert acknowledgement).")
    boolean readOnly;

    @Override
    public Integer call() {
      String tenant = scope.admin ? null : scope.tenant;
      if (tenant != null && !tenant.matches("[A-Za-z0-9._-]{1,64}")) {
        spec.commandLine().getErr().println("twinworks: --tenant must be letters, digits, '.', '_' or '-'");
        return 2;
      }
      String token = TokenHashes.newToken();
      String label = name != null ? name
          : (tenant == null ? "admin" : tenant) + "-" + TokenHashes.sha256Hex(token).substring(0, 6);
      PrintWriter out = spec.commandLine().getOut();
      out.println("token:  " + token);
      out.println("sha256: " + TokenHashes.sha256Hex(token));
      out.println();
      out.println("Give the token to its client (Authorization: Bearer <token>); it is shown only now.");
      out.println("Add this entry to twinworks.security.tokens (it holds the hash, not the token):");
      out.println("  " + configEntry(label, TokenHashes.sha256Hex(token), tenant, readOnly));
      out.flush();
      return 0;
    }
  }

  @Command(name = "hash", mixinStandardHelpOptions = true,
      description = "Read a token from standard input (not an argument: shells keep history) and print its SHA-256.")
  static final class Hash implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (token == null || token.isBlank()) {
        spec.commandLine().getErr().println("twinworks: no token on standard input");
        return 2;
      }
      spec.commandLine().getOut().println(TokenHashes.sha256Hex(token.trim()));
      return 0;
    }
  }
}
