package io.twinworks.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.twinworks.runtime.security.Principal;
import io.twinworks.runtime.security.SecuritySettings;
import io.twinworks.runtime.security.TokenVerifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TokenCommandTest {

  private record Run(int exit, String out, String err) {
    String line(String prefix) {
      return out.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst().orElseThrow()
          .substring(prefix.length()).trim();
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new TokenCommand());
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    int exit = line.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** What the command prints, pasted into the configuration, accepts the printed token with its scope. */
  @Test
  void thePrintedEntryAcceptsThePrintedToken() {
    Run run = run("new", "--tenant", "acme", "--read-only", "--name", "acme-viewer");
    assertEquals(0, run.exit(), run.err());
    String token = run.line("token:");
    String entry = "{" + run.line("{");
    SecuritySettings settings = SecuritySettings.create(ConfigFactory.parseString(
        "twinworks.security { enabled = true, tokens = [" + entry + "] }").withFallback(ConfigFactory.defaultReference())
        .resolve());
    assertEquals(Optional.of(Principal.tenant("acme-viewer", "acme", true)),
        new TokenVerifier(settings.tokens()).verify(token));
    assertTrue(!entry.contains(token), "the entry holds the hash, not the token");
  }

  @Test
  void anAdminTokenIsNamedAdminByDefault() {
    Run run = run("new", "--admin");
    assertEquals(0, run.exit(), run.err());
    String entry = "{" + run.line("{");
    List<? extends com.typesafe.config.Config> tokens = ConfigFactory.parseString("t = [" + entry + "]").getConfigList("t");
    assertTrue(tokens.get(0).getString("name").startsWith("admin-"));
    assertTrue(tokens.get(0).getBoolean("admin"));
  }

  @Test
  void tenantAndAdminTogetherAreRefused() {
    assertEquals(2, run("new", "--tenant", "acme", "--admin").exit());
    assertEquals(2, run("new", "--tenant", "a:b").exit());
  }
}
